// "Try it" against a campaign or recommender: user id → recommendations, item id → similar items, a list → ranking,
// an optional user id → popular items, user id → actions (GetActionRecommendations, next-best-action campaigns).
// Results show scores, Attune's raw `explanation` member and item metadata (metadataColumns, when the target allows).
import { h, field, select, section } from './dom.js';
import { runtime, listAll } from './api.js';
import { apiForm } from './ui.js';

/**
 * `target` is {campaignArn} or {recommenderArn}; `kinds` a subset of 'user', 'popular', 'item', 'rank', 'action'; `metadata` whether
 * the target returns item metadata (enableMetadataWithRecommendations).
 */
export async function tryIt(target, kinds, groupArn, metadata) {
  const filters = await listAll('ListFilters', { datasetGroupArn: groupArn }, 'Filters').catch(() => []);
  const forms = [];
  if (kinds.includes('user')) forms.push(recommendForm(target, 'user', filters, metadata));
  if (kinds.includes('popular')) forms.push(recommendForm(target, 'popular', filters, metadata));
  if (kinds.includes('item')) forms.push(recommendForm(target, 'item', filters, metadata));
  if (kinds.includes('action') && target.campaignArn) forms.push(actionForm(target, filters));
  if (kinds.includes('rank') && target.campaignArn) forms.push(rankForm(target, filters, metadata));
  return section('Try it', h('div', { class: 'try-it' }, forms));
}

function filterPicker(filters) {
  return select([{ value: '', label: 'No filter' },
    ...filters.filter(f => f.status === 'ACTIVE').map(f => ({ value: f.filterArn, label: f.name }))]);
}

function metadataInput(metadata) {
  return metadata ? h('input', { placeholder: 'e.g. GENRES, TITLE', spellcheck: 'false' }) : null;
}

function metadataColumns(input) {
  const columns = input?.value.split(',').map(c => c.trim()).filter(Boolean) ?? [];
  return columns.length ? { metadataColumns: { ITEMS: columns } } : {};
}

const titles = { user: 'Recommendations for a user', popular: 'Popular items', item: 'Similar items' };

function recommendForm(target, kind, filters, metadata) {
  // Popular-items use cases take a user id only to leave out what that user already acted on.
  const id = h('input', { required: kind !== 'popular', spellcheck: 'false', autocomplete: 'off' });
  const count = h('input', { type: 'number', min: 1, max: 500, value: 10 });
  const filter = filterPicker(filters);
  const columns = metadataInput(metadata);
  const results = h('div', { 'aria-live': 'polite' });
  const title = titles[kind];
  const idName = kind === 'item' ? 'itemId' : 'userId';
  return h('div', { class: 'try-it__panel' }, apiForm(title, [
    h('h3', {}, title),
    field(kind === 'item' ? 'Item id' : kind === 'popular' ? 'User id (optional)' : 'User id', id),
    field('Number of results', count), field('Filter', filter),
    columns ? field('Item metadata columns', columns, 'Comma-separated ITEMS columns') : null,
  ], kind === 'item' ? 'Get similar items' : 'Get recommendations', async () => {
    results.replaceChildren();
    const answer = await runtime('/recommendations', {
      ...target, ...(id.value ? { [idName]: id.value } : {}), numResults: Number(count.value),
      ...(filter.value ? { filterArn: filter.value } : {}), ...metadataColumns(columns),
    });
    results.replaceChildren(resultTable(title, answer.itemList ?? [], answer.recommendationId));
  }), results);
}

function rankForm(target, filters, metadata) {
  const user = h('input', { required: true, spellcheck: 'false', autocomplete: 'off' });
  const items = h('textarea', { required: true, rows: 4, spellcheck: 'false', placeholder: 'One item id per line (or comma-separated)' });
  const filter = filterPicker(filters);
  const columns = metadataInput(metadata);
  const results = h('div', { 'aria-live': 'polite' });
  return h('div', { class: 'try-it__panel' }, apiForm('Rank a list', [
    h('h3', {}, 'Rank a list'), field('User id', user), field('Item ids', items), field('Filter', filter),
    columns ? field('Item metadata columns', columns, 'Comma-separated ITEMS columns') : null,
  ], 'Rank', async () => {
    results.replaceChildren();
    const answer = await runtime('/personalize-ranking', {
      campaignArn: target.campaignArn, userId: user.value, inputList: items.value.split(/[\s,]+/).filter(Boolean),
      ...(filter.value ? { filterArn: filter.value } : {}), ...metadataColumns(columns),
    });
    results.replaceChildren(resultTable('Ranking', answer.personalizedRanking ?? [], answer.recommendationId));
  }), results);
}

function actionForm(target, filters) {
  const user = h('input', { required: true, spellcheck: 'false', autocomplete: 'off' });
  const count = h('input', { type: 'number', min: 1, max: 100, value: 5 });
  const filter = filterPicker(filters);
  const results = h('div', { 'aria-live': 'polite' });
  return h('div', { class: 'try-it__panel' }, apiForm('Next best actions', [
    h('h3', {}, 'Next best actions'), field('User id', user), field('Number of results', count), field('Filter', filter),
  ], 'Get action recommendations', async () => {
    results.replaceChildren();
    const answer = await runtime('/action-recommendations', {
      campaignArn: target.campaignArn, userId: user.value, numResults: Number(count.value),
      ...(filter.value ? { filterArn: filter.value } : {}),
    });
    const actions = (answer.actionList ?? []).map(a => ({ itemId: a.actionId, score: a.score }));
    results.replaceChildren(resultTable('Actions', actions, answer.recommendationId, 'Action'));
  }), results);
}

function explanation(item) {
  const e = item.explanation;
  if (!e) return '';
  return h('span', { class: 'explanation' }, e.basis ?? '', e.items?.length ? h('span', { class: 'muted' }, ` (because of ${e.items.join(', ')})`) : '');
}

function resultTable(caption, items, recommendationId, idLabel = 'Item') {
  if (items.length === 0) return h('p', { class: 'muted' }, 'No items returned.');
  const metadataKeys = [...new Set(items.flatMap(i => Object.keys(i.metadata ?? {})))];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'results' },
    h('caption', {}, `${caption} (recommendationId ${recommendationId ?? '—'})`),
    h('thead', {}, h('tr', {}, ['#', idLabel, 'Score', 'Explanation', ...metadataKeys, 'Reason'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((item, i) => h('tr', {},
      h('td', {}, i + 1), h('td', {}, h('code', {}, item.itemId)),
      h('td', {}, item.score === undefined ? '' : item.score.toFixed(4)), h('td', {}, explanation(item)),
      metadataKeys.map(k => h('td', {}, item.metadata?.[k] ?? '')),
      h('td', {}, (item.reason ?? []).join(', ')))))));
}
