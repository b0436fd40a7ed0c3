// A group's campaigns (of its solutions) and recommenders, deploy a campaign from an ACTIVE solution version, and
// create a recommender (domain groups: the use cases come from ListRecipes with the group's domain).
import { h, table, field, select, statusBadge, time, heading, section, link, shortArn } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { apiForm, live, notice, errorBox, inProgress } from '../ui.js';
import { pageUrl } from '../urls.js';

export async function render(main, { params, signal, navigate }) {
  const groupArn = params.get('group');
  const solutions = await listAll('ListSolutions', { datasetGroupArn: groupArn }, 'solutions', signal);
  const campaigns = h('div', {});
  const recommenders = h('div', {});
  const { datasetGroup } = await personalize('DescribeDatasetGroup', { datasetGroupArn: groupArn }, signal);
  const versions = (await Promise.all(solutions.map(s =>
    listAll('ListSolutionVersions', { solutionArn: s.solutionArn }, 'solutionVersions', signal)
      .then(list => list.filter(v => v.status === 'ACTIVE').map(v => ({ ...v, solutionName: s.name })))))).flat();
  main.append(heading('Campaigns & recommenders'), section('Campaigns', campaigns),
    section('Deploy a campaign', deployForm(groupArn, versions, params.get('version'), navigate)), section('Recommenders', recommenders),
    section('Create a recommender', await recommenderForm(datasetGroup, navigate, signal)));
  listRecommenders(recommenders, groupArn, signal);
  await live(campaigns, signal, async () => {
    const all = (await Promise.all(solutions.map(s => listAll('ListCampaigns', { solutionArn: s.solutionArn }, 'campaigns', signal)))).flat();
    const node = table('Campaigns', [
      { label: 'Name', value: c => link(pageUrl('campaign', { arn: c.campaignArn, group: groupArn }), c.name) },
      { label: 'Status', value: c => statusBadge(c.status) },
      { label: 'Failure', value: c => c.failureReason ?? '' },
      { label: 'Created', value: c => time(c.creationDateTime) },
    ], all, { empty: 'No campaigns yet: deploy an ACTIVE solution version below.', hideCaption: true });
    return { node, value: all };
  }, { ms: 1500, keepGoing: all => all.some(c => inProgress(c.status)) });
}

async function listRecommenders(container, groupArn, signal) {
  try {
    const list = await listAll('ListRecommenders', { datasetGroupArn: groupArn }, 'recommenders', signal);
    container.replaceChildren(table('Recommenders', [
      { label: 'Name', value: r => link(pageUrl('recommender', { arn: r.recommenderArn, group: groupArn }), r.name) },
      { label: 'Recipe', value: r => shortArn(r.recipeArn) },
      { label: 'Status', value: r => statusBadge(r.status) },
      { label: 'Created', value: r => time(r.creationDateTime) },
    ], list, { empty: 'No recommenders (they belong to domain dataset groups).', hideCaption: true }));
  } catch (error) {
    if (signal.aborted) return;
    container.replaceChildren(error.type === 'UnsupportedOperationException'
      ? notice(`Recommenders are not available on this server: ${error.message}`) : errorBox(error));
  }
}

async function recommenderForm(group, navigate, signal) {
  if (!group.domain) return h('p', { class: 'muted' }, 'Recommenders belong to domain dataset groups (ECOMMERCE or VIDEO_ON_DEMAND); this group is custom.');
  const recipes = await listAll('ListRecipes', { domain: group.domain }, 'recipes', signal);
  const recipe = select(recipes.map(r => ({ value: r.recipeArn, label: r.name })));
  const name = h('input', { required: true, maxlength: 63, pattern: '[a-zA-Z0-9][a-zA-Z0-9\\-_]*', autocomplete: 'off' });
  const metadata = h('input', { type: 'checkbox' });
  return apiForm('Create a recommender', [
    field('Name', name, 'Letters, digits, - and _ (up to 63).'), field('Use case', recipe, `Recipes of the ${group.domain} domain.`),
    h('div', { class: 'checks' }, field('Return item metadata (enableMetadataWithRecommendations)', metadata)),
  ], 'Create recommender', async () => {
    const { recommenderArn } = await personalize('CreateRecommender', {
      name: name.value, datasetGroupArn: group.datasetGroupArn, recipeArn: recipe.value,
      recommenderConfig: { enableMetadataWithRecommendations: metadata.checked },
    });
    navigate(pageUrl('recommender', { arn: recommenderArn, group: group.datasetGroupArn }));
  });
}

function deployForm(groupArn, versions, preselected, navigate) {
  if (versions.length === 0) return h('p', { class: 'muted' }, 'No ACTIVE solution version yet: train one on the Solutions page.');
  const version = select(versions.map(v => ({
    value: v.solutionVersionArn, label: `${v.solutionName} · ${v.solutionVersionArn.split('/').pop()}`, selected: v.solutionVersionArn === preselected,
  })));
  const name = h('input', { required: true, maxlength: 63, value: `${versions[0].solutionName}-campaign`.slice(0, 63) });
  const tps = h('input', { type: 'number', min: 1, value: 1, required: true });
  const metadata = h('input', { type: 'checkbox' });
  const sync = h('input', { type: 'checkbox' });
  return apiForm('Deploy a campaign', [
    field('Name', name), field('Solution version', version), field('Minimum provisioned TPS', tps),
    h('div', { class: 'checks' },
      field('Return item metadata (enableMetadataWithRecommendations)', metadata),
      field('Follow the latest solution version (syncWithLatestSolutionVersion)', sync)),
  ], 'Deploy campaign', async () => {
    const { campaignArn } = await personalize('CreateCampaign', {
      name: name.value, solutionVersionArn: version.value, minProvisionedTPS: Number(tps.value),
      campaignConfig: { enableMetadataWithRecommendations: metadata.checked, syncWithLatestSolutionVersion: sync.checked },
    });
    navigate(pageUrl('campaign', { arn: campaignArn, group: groupArn }));
  });
}
