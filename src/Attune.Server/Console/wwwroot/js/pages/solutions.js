// A group's solutions (live while any is being created) and create solution with a recipe picker from ListRecipes.
import { h, table, field, select, statusBadge, time, heading, section, link, shortArn } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { apiForm, live } from '../ui.js';
import { pageUrl } from '../urls.js';

export async function render(main, { params, signal, navigate }) {
  const groupArn = params.get('group');
  const { datasetGroup: group } = await personalize('DescribeDatasetGroup', { datasetGroupArn: groupArn }, signal);
  const recipes = await listAll('ListRecipes', group.domain ? { domain: group.domain } : {}, 'recipes', signal);
  const list = h('div', {});
  main.append(heading(`Solutions of ${group.name}`), section('Solutions', list), section('Create a solution', createForm(group, recipes, navigate)));
  await live(list, signal, async () => {
    const solutions = await listAll('ListSolutions', { datasetGroupArn: groupArn }, 'solutions', signal);
    const node = table('Solutions', [
      { label: 'Name', value: s => link(pageUrl('solution', { arn: s.solutionArn, group: groupArn }), s.name) },
      { label: 'Recipe', value: s => s.recipeArn ? shortArn(s.recipeArn) : '' },
      { label: 'Status', value: s => statusBadge(s.status) },
      { label: 'Created', value: s => time(s.creationDateTime) },
    ], solutions, { empty: 'No solutions yet: create one below.', hideCaption: true });
    return { node, value: solutions };
  }, { ms: 1500, keepGoing: solutions => solutions.some(s => /PENDING|IN_PROGRESS/.test(s.status)) });
}

function createForm(group, recipes, navigate) {
  const name = h('input', { required: true, maxlength: 63, value: `${group.name}-solution`.slice(0, 63) });
  const recipe = select(recipes.filter(r => !/aws-(vod|ecomm)-/.test(r.name) || group.domain)
    .map(r => ({ value: r.recipeArn, label: r.name, selected: r.name === 'aws-user-personalization-v2' })));
  const eventType = h('input', { maxlength: 256, placeholder: 'all event types' });
  const hpo = h('input', { type: 'checkbox' });
  const autoTraining = h('input', { type: 'checkbox' });
  return apiForm('Create a solution', [
    field('Name', name), field('Recipe', recipe, 'From ListRecipes'), field('Event type (optional)', eventType),
    h('div', { class: 'checks' }, field('Tune hyperparameters (performHPO)', hpo), field('Train automatically (performAutoTraining)', autoTraining)),
  ], 'Create solution', async () => {
    const { solutionArn } = await personalize('CreateSolution', {
      name: name.value, datasetGroupArn: group.datasetGroupArn, recipeArn: recipe.value,
      performHPO: hpo.checked, performAutoTraining: autoTraining.checked, ...(eventType.value ? { eventType: eventType.value } : {}),
    });
    navigate(pageUrl('solution', { arn: solutionArn, group: group.datasetGroupArn }));
  });
}
