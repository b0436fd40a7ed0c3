// A group's filters: list (live while being created), create with the validating editor, delete.
import { h, table, field, statusBadge, time, heading, section, button } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { apiForm, live, attempt, confirmed, inProgress } from '../ui.js';
import { filterEditor } from '../filterEditor.js';

export async function render(main, { params, signal, refresh }) {
  const groupArn = params.get('group');
  const list = h('div', {});
  const name = h('input', { required: true, maxlength: 63, autocomplete: 'off' });
  const editor = filterEditor(groupArn);
  const create = apiForm('Create a filter', [field('Name', name), editor.node], 'Create filter', async () => {
    await personalize('CreateFilter', { name: name.value, datasetGroupArn: groupArn, filterExpression: editor.input.value });
    await refresh();
  });
  main.append(heading('Filters'), section('Filters', list), section('Create a filter', create));
  await live(list, signal, async () => {
    const filters = await listAll('ListFilters', { datasetGroupArn: groupArn }, 'Filters', signal);
    const described = await Promise.all(filters.map(f => personalize('DescribeFilter', { filterArn: f.filterArn }, signal).then(r => r.filter)));
    const node = table('Filters', [
      { label: 'Name', value: f => f.name },
      { label: 'Expression', value: f => h('code', {}, f.filterExpression ?? '') },
      { label: 'Status', value: f => statusBadge(f.status) },
      { label: 'Failure', value: f => f.failureReason ?? '' },
      { label: 'Created', value: f => time(f.creationDateTime) },
      { label: 'Actions', value: f => deleteButton(f) },
    ], described, { empty: 'No filters yet.', hideCaption: true });
    return { node, value: described };
  }, { ms: 1000, keepGoing: filters => filters.some(f => inProgress(f.status)) });

  function deleteButton(filter) {
    const deleteIt = button('Delete', async () => {
      if (!confirmed(`Delete filter ${filter.name}?`)) return;
      await attempt(deleteIt, async () => {
        await personalize('DeleteFilter', { filterArn: filter.filterArn });
        await refresh();
      });
    }, { kind: 'danger', 'aria-label': `Delete filter ${filter.name}` });
    return deleteIt;
  }
}
