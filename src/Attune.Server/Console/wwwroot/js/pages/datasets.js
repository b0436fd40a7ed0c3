// A dataset group's datasets: each with its schema as a table, its import jobs (live, with rowsImported and failure
// reasons), a CSV upload (streamed into the object store, then CreateDatasetImportJob) and delete; plus create dataset.
import { h, table, field, select, statusBadge, time, heading, section, button, shortArn } from '../dom.js';
import { personalize, listAll, consoleApi } from '../api.js';
import { apiForm, live, attempt, confirmed, inProgress } from '../ui.js';
import { schemaEditor, schemaTable } from '../schemaEditor.js';

const datasetTypes = ['Interactions', 'Items', 'Users', 'Actions', 'Action_Interactions'];

export async function render(main, { params, signal, refresh }) {
  const groupArn = params.get('group');
  const { datasetGroup: group } = await personalize('DescribeDatasetGroup', { datasetGroupArn: groupArn }, signal);
  const datasets = await listAll('ListDatasets', { datasetGroupArn: groupArn }, 'datasets', signal);
  main.append(heading(`Dataset group ${group.name}`),
    h('p', {}, statusBadge(group.status), ` ${group.domain ? `Domain ${group.domain}` : 'Custom group'} · `, shortArn(group.datasetGroupArn)));

  for (const summary of datasets) {
    main.append(await datasetPanel(summary.datasetArn, group, signal, refresh));
  }
  if (datasets.length === 0) main.append(h('p', { class: 'muted' }, 'No datasets yet: create one below.'));
  main.append(section('Create a dataset', await createDatasetForm(group, datasets, refresh)));
}

async function datasetPanel(datasetArn, group, signal, refresh) {
  const { dataset } = await personalize('DescribeDataset', { datasetArn }, signal);
  const { schema } = await personalize('DescribeSchema', { schemaArn: dataset.schemaArn }, signal);
  const imports = h('div', {});
  const watch = restartable(signal, childSignal => watchImports(imports, dataset, childSignal));
  const deleteIt = button('Delete dataset', async () => {
    if (!confirmed(`Delete dataset ${dataset.name}?`)) return;
    await attempt(deleteIt, async () => {
      await personalize('DeleteDataset', { datasetArn });
      await refresh();
    });
  }, { kind: 'danger' });
  watch();
  return section(`${dataset.datasetType} dataset ${dataset.name}`,
    h('p', {}, statusBadge(dataset.status), ' ', shortArn(dataset.datasetArn), ' · schema ', h('code', {}, schema.name)),
    schemaTable(schema.schema),
    h('h3', {}, 'Import jobs'), imports,
    h('div', { class: 'columns' }, uploadForm(dataset, group, watch), locationForm(dataset, watch)),
    h('div', { class: 'form-actions' }, deleteIt));
}

/** Starts `run(signal)` again, stopping the previous run (each new import job restarts the polling). */
function restartable(pageSignal, run) {
  let current = new AbortController();
  return () => {
    current.abort();
    current = new AbortController();
    run(AbortSignal.any([pageSignal, current.signal]));
  };
}

function watchImports(container, dataset, signal) {
  return live(container, signal, async () => {
    const jobs = (await listAll('ListDatasetImportJobs', { datasetArn: dataset.datasetArn }, 'datasetImportJobs', signal))
      .sort((a, b) => (b.creationDateTime ?? 0) - (a.creationDateTime ?? 0)).slice(0, 10);
    // rowsImported is an extra member of Describe only, so the recent jobs are described one by one.
    const described = await Promise.all(jobs.map(j =>
      personalize('DescribeDatasetImportJob', { datasetImportJobArn: j.datasetImportJobArn }, signal).then(r => r.datasetImportJob)));
    const node = table(`Import jobs of ${dataset.name}`, [
      { label: 'Job', value: j => j.jobName },
      { label: 'Status', value: j => statusBadge(j.status) },
      { label: 'Rows imported', value: j => j.rowsImported === undefined ? '' : Number(j.rowsImported).toLocaleString() },
      { label: 'Mode', value: j => j.importMode ?? 'FULL' },
      { label: 'Source', value: j => h('code', {}, j.dataSource?.dataLocation ?? '') },
      { label: 'Failure reason', value: j => j.failureReason ? h('span', { class: 'error-text' }, j.failureReason) : '' },
      { label: 'Created', value: j => time(j.creationDateTime) },
    ], described, { empty: 'No imports yet.', hideCaption: true });
    return { node, value: described };
  }, { ms: 1000, keepGoing: jobs => jobs.some(j => inProgress(j.status)) });
}

function jobName(text) {
  const cleaned = text.replace(/[^a-zA-Z0-9\-_]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return `${cleaned.slice(0, 40) || 'import'}-${Date.now()}`;
}

function importModeSelect() {
  return select([{ value: 'FULL', label: 'FULL (replace)' }, { value: 'INCREMENTAL', label: 'INCREMENTAL (append)' }]);
}

function createImport(dataset, location, mode, name) {
  return personalize('CreateDatasetImportJob', {
    jobName: jobName(name), datasetArn: dataset.datasetArn, dataSource: { dataLocation: location }, importMode: mode,
  });
}

function uploadForm(dataset, group, watch) {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', required: true });
  const location = h('input', { required: true, spellcheck: 'false', value: `s3://console-uploads/${group.name}/${dataset.datasetType.toLowerCase()}.csv` });
  const mode = importModeSelect();
  const progress = h('p', { class: 'muted', 'aria-live': 'polite' });
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (picked) location.value = `s3://console-uploads/${group.name}/${dataset.datasetType.toLowerCase()}/${picked.name.replace(/[^a-zA-Z0-9._-]/g, '_')}`;
  });
  return apiForm(`Upload a CSV into ${dataset.name}`, [
    h('h3', {}, 'Upload a CSV'),
    field('CSV file', file), field('Store it at', location, 's3://bucket/key in the object store'), field('Import mode', mode), progress,
  ], 'Upload and import', async () => {
    const picked = file.files[0];
    progress.textContent = `Uploading ${picked.name} (${picked.size.toLocaleString()} bytes)…`;
    const stored = await consoleApi.upload(location.value, picked);
    progress.textContent = `Uploaded ${stored.bytes.toLocaleString()} bytes to ${stored.location}; import started.`;
    await createImport(dataset, stored.location, mode.value, picked.name);
    watch();
  });
}

function locationForm(dataset, watch) {
  const location = h('input', { required: true, spellcheck: 'false', placeholder: 's3://bucket/key.csv' });
  const mode = importModeSelect();
  return apiForm(`Import into ${dataset.name} from a location`, [
    h('h3', {}, 'Import from the object store'),
    field('Data location', location, 'A file or a prefix (every CSV under it)'), field('Import mode', mode),
  ], 'Start import', async () => {
    await createImport(dataset, location.value, mode.value, location.value.split('/').pop() || 'import');
    watch();
  });
}

async function createDatasetForm(group, datasets, refresh) {
  const taken = new Set(datasets.map(d => d.datasetType));
  const type = select(datasetTypes.filter(t => !taken.has(t)));
  const name = h('input', { required: true, maxlength: 63, value: `${group.name}-${(type.value || 'data').toLowerCase()}`.slice(0, 63) });
  const schemas = await listAll('ListSchemas', {}, 'schemas').catch(() => []);
  const schemaChoice = select([{ value: '', label: 'New schema (below)' },
    ...schemas.filter(s => (s.domain ?? null) === (group.domain ?? null)).map(s => ({ value: s.schemaArn, label: s.name }))]);
  const schemaName = h('input', { maxlength: 63, value: `${group.name}-${(type.value || 'data').toLowerCase()}-schema`.slice(0, 63) });
  const editor = schemaEditor(() => type.value);
  const newSchema = h('div', {}, field('New schema name', schemaName), editor.node);
  type.addEventListener('change', () => {
    name.value = `${group.name}-${type.value.toLowerCase()}`.slice(0, 63);
    schemaName.value = `${name.value}-schema`.slice(0, 63);
    editor.reset();
  });
  schemaChoice.addEventListener('change', () => { newSchema.hidden = schemaChoice.value !== ''; });
  if (!type.value) return h('p', { class: 'muted' }, 'This group has every dataset type.');
  return apiForm('Create a dataset', [
    field('Dataset type', type), field('Dataset name', name), field('Schema', schemaChoice), newSchema,
  ], 'Create dataset', async () => {
    let schemaArn = schemaChoice.value;
    if (!schemaArn) {
      ({ schemaArn } = await personalize('CreateSchema', {
        name: schemaName.value, schema: editor.value(), ...(group.domain ? { domain: group.domain } : {}),
      }));
    }
    await personalize('CreateDataset', { name: name.value, schemaArn, datasetGroupArn: group.datasetGroupArn, datasetType: type.value });
    await refresh();
  });
}
