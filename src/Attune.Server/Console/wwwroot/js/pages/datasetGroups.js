// Dataset groups: the list (live while any is being created or deleted), create (with a domain) and delete.
import { h, table, field, select, statusBadge, time, heading, section, button, link } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { apiForm, live, attempt, confirmed } from '../ui.js';
import { pageUrl } from '../urls.js';

export async function render(main, { signal, forgetGroups, refresh }) {
  const list = h('div', {});
  const name = h('input', { name: 'name', required: true, maxlength: 63, pattern: '[a-zA-Z0-9][a-zA-Z0-9\\-_]*', autocomplete: 'off' });
  const domain = select([{ value: '', label: 'Custom (no domain)' }, 'ECOMMERCE', 'VIDEO_ON_DEMAND'], { name: 'domain' });
  const create = apiForm('Create dataset group', [
    field('Name', name, 'Letters, digits, - and _ (up to 63).'),
    field('Domain', domain, 'A domain group holds recommenders for that use case.'),
  ], 'Create dataset group', async () => {
    await personalize('CreateDatasetGroup', { name: name.value, ...(domain.value ? { domain: domain.value } : {}) });
    name.value = '';
    forgetGroups();
    await refresh();
  });

  main.append(heading('Dataset groups'), section('All dataset groups', list), section('Create a dataset group', create));

  await live(list, signal, async () => {
    const groups = await listAll('ListDatasetGroups', {}, 'datasetGroups', signal);
    const node = table('Dataset groups', [
      { label: 'Name', value: g => link(pageUrl('group', { group: g.datasetGroupArn }), g.name) },
      { label: 'Domain', value: g => g.domain ?? 'Custom' },
      { label: 'Status', value: g => statusBadge(g.status) },
      { label: 'Failure', value: g => g.failureReason ?? '' },
      { label: 'Created', value: g => time(g.creationDateTime) },
      { label: 'Actions', value: g => deleteButton(g) },
    ], groups, { empty: 'No dataset groups yet: create one below.', hideCaption: true });
    return { node, value: groups };
  }, { ms: 1500, keepGoing: groups => groups.some(g => /PENDING|IN_PROGRESS/.test(g.status)) });

  function deleteButton(group) {
    const deleteIt = button('Delete', async () => {
      if (!confirmed(`Delete dataset group ${group.name}? Its datasets, solutions and campaigns must be deleted first.`)) return;
      await attempt(deleteIt, async () => {
        await personalize('DeleteDatasetGroup', { datasetGroupArn: group.datasetGroupArn });
        forgetGroups();
        await refresh();
      });
    }, { kind: 'danger', 'aria-label': `Delete ${group.name}` });
    return deleteIt;
  }
}
