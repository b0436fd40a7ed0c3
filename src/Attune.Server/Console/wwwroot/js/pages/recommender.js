// One recommender (domain dataset groups): status, config, and "try it". Servers without recommenders answer
// UnsupportedOperationException, shown as a notice.
import { h, fact, statusBadge, time, heading, section, shortArn } from '../dom.js';
import { personalize } from '../api.js';
import { live, notice, errorBox, inProgress } from '../ui.js';
import { tryIt } from '../tryIt.js';

// Domain recipes that take an item id rather than a user id.
const itemRecipes = /customers-who-viewed|frequently-bought|because-you-watched|more-like/;

export async function render(main, { params, signal }) {
  const status = h('div', {});
  const tryItSlot = h('div', {});
  let shownTryIt = false;
  main.append(heading('Recommender'), section('Status and configuration', status), tryItSlot);
  await live(status, signal, async () => {
    const { recommender } = await personalize('DescribeRecommender', { recommenderArn: params.get('arn') }, signal);
    if (recommender.status === 'ACTIVE' && !shownTryIt) {
      shownTryIt = true;
      const kinds = itemRecipes.test(recommender.recipeArn) ? ['item'] : ['user'];
      tryItSlot.replaceChildren(await tryIt({ recommenderArn: recommender.recommenderArn }, kinds, recommender.datasetGroupArn,
        !!recommender.recommenderConfig?.enableMetadataWithRecommendations));
    }
    return { node: details(recommender), value: recommender };
  }, {
    ms: 1000, keepGoing: r => inProgress(r.status),
    showError: error => error.type === 'UnsupportedOperationException' ? notice(`Recommenders are not available on this server: ${error.message}`) : errorBox(error),
  });
}

function details(r) {
  return h('div', {},
    h('dl', { class: 'facts' },
      fact('Name', r.name), fact('Status', statusBadge(r.status)), fact('Recipe', shortArn(r.recipeArn)),
      fact('Created', time(r.creationDateTime)),
      r.failureReason ? fact('Failure', h('span', { class: 'error-text' }, r.failureReason)) : null),
    h('details', {}, h('summary', {}, 'Recommender config (JSON)'), h('pre', { class: 'code' }, JSON.stringify(r.recommenderConfig ?? {}, null, 2))),
    r.modelMetrics ? h('details', {}, h('summary', {}, 'Model metrics'), h('pre', { class: 'code' }, JSON.stringify(r.modelMetrics, null, 2))) : null);
}
