// One recommender (domain dataset groups): status (live through its lifecycle), config, modelMetrics, stop/start/
// delete, and "try it" with the ids its use case takes.
import { h, fact, statusBadge, time, heading, section, shortArn, button, table, link } from '../dom.js';
import { personalize } from '../api.js';
import { live, attempt, confirmed, inProgress } from '../ui.js';
import { tryIt } from '../tryIt.js';
import { pageUrl } from '../urls.js';

// Domain use cases by what a request names: an item (related items), nothing or a user (popular items), else a user.
const itemRecipes = /customers-who-viewed|frequently-bought|because-you-watched|more-like/;
const popularRecipes = /popular|trending/;

function tryItKinds(recipeArn) {
  if (itemRecipes.test(recipeArn)) return ['item'];
  return popularRecipes.test(recipeArn) ? ['popular'] : ['user'];
}

export async function render(main, { params, signal, navigate }) {
  const status = h('div', {});
  const tryItSlot = h('div', {});
  const group = params.get('group');
  let shownTryIt = false;
  main.append(heading('Recommender'), section('Status and configuration', status), tryItSlot);
  await live(status, signal, async () => {
    const { recommender } = await personalize('DescribeRecommender', { recommenderArn: params.get('arn') }, signal);
    if (recommender.status === 'ACTIVE' && !shownTryIt) {
      shownTryIt = true;
      tryItSlot.replaceChildren(await tryIt({ recommenderArn: recommender.recommenderArn }, tryItKinds(recipeOf(recommender)),
        recommender.datasetGroupArn, !!recommender.recommenderConfig?.enableMetadataWithRecommendations));
    } else if (recommender.status !== 'ACTIVE' && shownTryIt) {
      shownTryIt = false;
      tryItSlot.replaceChildren();
    }
    return { node: details(recommender, group ?? recommender.datasetGroupArn, navigate), value: recommender };
  }, { ms: 1000, keepGoing: r => inProgress(r.status) || inProgress(r.latestRecommenderUpdate?.status) });
}

const recipeOf = r => r.recipeArn ?? '';

function actions(r, group, navigate) {
  const stopOrStart = r.status === 'ACTIVE'
    ? button('Stop recommender', async () => {
      await attempt(stopOrStart, async () => {
        await personalize('StopRecommender', { recommenderArn: r.recommenderArn });
        navigate(location.pathname + location.search, { replace: true });
      });
    }, { kind: 'secondary' })
    : r.status === 'INACTIVE' ? button('Start recommender', async () => {
      await attempt(stopOrStart, async () => {
        await personalize('StartRecommender', { recommenderArn: r.recommenderArn });
        navigate(location.pathname + location.search, { replace: true });
      });
    }, { kind: 'secondary' }) : null;
  const deleteIt = button('Delete recommender', async () => {
    if (!confirmed(`Delete recommender ${r.name}?`)) return;
    await attempt(deleteIt, async () => {
      await personalize('DeleteRecommender', { recommenderArn: r.recommenderArn });
      navigate(pageUrl('campaigns', { group }));
    });
  }, { kind: 'danger' });
  return h('div', { class: 'form-actions' }, stopOrStart, deleteIt);
}

function details(r, group, navigate) {
  const metrics = Object.entries(r.modelMetrics ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return h('div', {},
    h('dl', { class: 'facts' },
      fact('Name', r.name), fact('Status', statusBadge(r.status)), fact('Recipe', shortArn(recipeOf(r))),
      fact('Minimum requests per second', r.recommenderConfig?.minRecommendationRequestsPerSecond ?? ''),
      fact('Item metadata', r.recommenderConfig?.enableMetadataWithRecommendations ? 'returned' : 'off'),
      fact('Created', time(r.creationDateTime)), fact('Updated', time(r.lastUpdatedDateTime)),
      r.failureReason ? fact('Failure', h('span', { class: 'error-text' }, r.failureReason)) : null,
      r.latestRecommenderUpdate ? fact('Latest update', statusBadge(r.latestRecommenderUpdate.status)) : null),
    metrics.length
      ? table('Model metrics', [{ label: 'Metric', value: ([k]) => k }, { label: 'Value', value: ([, v]) => Number(v).toFixed(4) }], metrics)
      : h('p', { class: 'muted' }, 'No model metrics yet (they come with the trained model).'),
    h('details', {}, h('summary', {}, 'Recommender config (JSON)'), h('pre', { class: 'code' }, JSON.stringify(r.recommenderConfig ?? {}, null, 2))),
    h('p', {}, link(pageUrl('metrics', { group, resource: r.recommenderArn }), 'Online metrics of this recommender')),
    actions(r, group, navigate));
}
