// One solution: its versions with live training progress (trainingProgress extra member), train (CreateSolutionVersion),
// stop (StopSolutionVersionCreation), and each ACTIVE version's offline metrics charted against the previous version.
import { h, fact, table, field, select, statusBadge, time, heading, section, button, shortArn, progressBar, link } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { apiForm, live, attempt, inProgress } from '../ui.js';
import { barChart } from '../charts.js';
import { pageUrl } from '../urls.js';

export async function render(main, { params, signal }) {
  const { solution } = await personalize('DescribeSolution', { solutionArn: params.get('arn') }, signal);
  const group = solution.datasetGroupArn;
  const versions = h('div', {});
  const metrics = h('div', {});
  const mode = select([{ value: 'FULL', label: 'FULL (train on all data)' }, { value: 'UPDATE', label: 'UPDATE (refresh items, recipes that allow it)' }]);
  let lastActive = '';
  const watch = () => live(versions, signal, async () => {
    const list = (await listAll('ListSolutionVersions', { solutionArn: solution.solutionArn }, 'solutionVersions', signal))
      .sort((a, b) => (b.creationDateTime ?? 0) - (a.creationDateTime ?? 0));
    // trainingProgress and trainingHours are in Describe only.
    const described = await Promise.all(list.slice(0, 10).map(v =>
      personalize('DescribeSolutionVersion', { solutionVersionArn: v.solutionVersionArn }, signal).then(r => r.solutionVersion)));
    const active = described.filter(v => v.status === 'ACTIVE').map(v => v.solutionVersionArn).join();
    if (active !== lastActive) {
      lastActive = active;
      drawMetrics(metrics, described.filter(v => v.status === 'ACTIVE'), signal);
    }
    return { node: versionTable(described, group, watch), value: described };
  }, { ms: 1000, keepGoing: list => list.some(v => inProgress(v.status)) });

  main.append(
    heading(`Solution ${solution.name}`),
    section('Configuration', h('dl', { class: 'facts' },
      fact('Status', statusBadge(solution.status)), fact('Recipe', shortArn(solution.recipeArn ?? '')),
      fact('Dataset group', link(pageUrl('group', { group }), shortArn(group))),
      fact('Tune hyperparameters', solution.performHPO ? 'yes' : 'no'), fact('Automatic training', solution.performAutoTraining ? 'yes' : 'no'),
      fact('Event type', solution.eventType ?? 'all'), fact('Created', time(solution.creationDateTime))),
    solution.solutionConfig ? h('details', {}, h('summary', {}, 'Solution config'), h('pre', { class: 'code' }, JSON.stringify(solution.solutionConfig, null, 2))) : null),
    section('Versions', versions, apiForm('Train a new version', [field('Training mode', mode)], 'Train', async () => {
      await personalize('CreateSolutionVersion', { solutionArn: solution.solutionArn, trainingMode: mode.value });
      watch();
    })),
    section('Offline metrics', metrics));
  await watch();
}

function versionTable(versions, group, watch) {
  return table('Solution versions', [
    { label: 'Version', value: v => shortArn(v.solutionVersionArn) },
    { label: 'Status', value: v => statusBadge(v.status) },
    { label: 'Progress', value: v => v.trainingProgress ? h('span', {}, progressBar(`Training ${v.solutionVersionArn}`, v.trainingProgress.percent / 100), ` ${v.trainingProgress.stage}`) : '' },
    { label: 'Mode', value: v => v.trainingMode ?? '' },
    { label: 'Training hours', value: v => v.trainingHours === undefined ? '' : v.trainingHours.toFixed(4) },
    { label: 'Failure reason', value: v => v.failureReason ? h('span', { class: 'error-text' }, v.failureReason) : '' },
    { label: 'Created', value: v => time(v.creationDateTime) },
    { label: 'Actions', value: v => inProgress(v.status) && v.status !== 'STOP PENDING'
      ? stopButton(v, watch)
      : v.status === 'ACTIVE' ? link(pageUrl('campaigns', { group, version: v.solutionVersionArn }), 'Deploy as campaign') : '' },
  ], versions, { empty: 'No versions yet: train one below.', hideCaption: true });
}

function stopButton(version, watch) {
  const stop = button('Stop training', () => attempt(stop, async () => {
    await personalize('StopSolutionVersionCreation', { solutionVersionArn: version.solutionVersionArn });
    watch();
  }), { kind: 'danger', 'aria-label': `Stop training ${version.solutionVersionArn.split('/').pop()}` });
  return stop;
}

/** Short names for Personalize's offline metrics, so chart labels stay readable. */
function metricLabel(name) {
  const match = /^(.*)_at_(\d+)$/.exec(name);
  const base = { normalized_discounted_cumulative_gain: 'NDCG', mean_reciprocal_rank: 'MRR', precision: 'Precision' }[match?.[1]];
  return base ? `${base}@${match[2]}` : name.replaceAll('_', ' ');
}

/** One chart per ACTIVE version (newest first, up to 4), the next-older ACTIVE version as the reference. */
async function drawMetrics(container, active, signal) {
  if (active.length === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'Metrics appear once a version is ACTIVE.'));
    return;
  }
  const shown = active.slice(0, 5);
  const metrics = await Promise.all(shown.map(v =>
    personalize('GetSolutionMetrics', { solutionVersionArn: v.solutionVersionArn }, signal).then(r => r.metrics ?? {}, () => ({}))));
  if (signal.aborted) return;
  container.replaceChildren(...shown.slice(0, 4).map((version, i) => {
    const names = Object.keys(metrics[i]).sort();
    const label = v => v.solutionVersionArn.split('/').pop();
    const series = [{ name: `This version (${label(version)})`, values: names.map(n => metrics[i][n]) }];
    if (shown[i + 1]) series.push({ name: `Previous version (${label(shown[i + 1])})`, values: names.map(n => metrics[i + 1][n] ?? null) });
    return names.length === 0 ? h('p', { class: 'muted' }, `No metrics for ${label(version)}.`)
      : barChart(`Offline metrics of version ${label(version)}`, names.map(metricLabel), series);
  }));
}
