// Online metrics of a campaign or recommender (metric attribution): rates (CTR) and conversions per event type over
// time, refreshed every 30 s. A server without the online-metrics endpoint (404) or without events shows "no data".
import { h, field, select, heading, section, table } from '../dom.js';
import { listAll, consoleApi } from '../api.js';
import { live } from '../ui.js';
import { lineChart } from '../charts.js';

export async function render(main, { params, signal, navigate }) {
  const groupArn = params.get('group');
  const solutions = await listAll('ListSolutions', { datasetGroupArn: groupArn }, 'solutions', signal);
  const campaigns = (await Promise.all(solutions.map(s => listAll('ListCampaigns', { solutionArn: s.solutionArn }, 'campaigns', signal)))).flat();
  const recommenders = await listAll('ListRecommenders', { datasetGroupArn: groupArn }, 'recommenders', signal).catch(() => []);
  const targets = [...campaigns.map(c => ({ arn: c.campaignArn, label: `Campaign ${c.name}` })),
    ...recommenders.map(r => ({ arn: r.recommenderArn, label: `Recommender ${r.name}` }))];
  const chosen = params.get('resource') ?? targets[0]?.arn;
  const minutes = params.get('minutes') ?? '60';
  main.append(heading('Online metrics'));
  if (targets.length === 0) {
    main.append(h('p', { class: 'muted' }, 'No campaigns or recommenders in this group yet.'));
    return;
  }
  const resource = select(targets.map(t => ({ value: t.arn, label: t.label, selected: t.arn === chosen })));
  const span = select(['60', '180', '720', '1440'].map(m => ({ value: m, label: `Last ${m / 60} h`, selected: m === minutes })));
  const go = () => navigate(`/console/metrics?${new URLSearchParams({ group: groupArn, resource: resource.value, minutes: span.value })}`, { replace: true });
  resource.addEventListener('change', go);
  span.addEventListener('change', go);
  const charts = h('div', {});
  main.append(h('div', { class: 'toolbar' }, field('Campaign or recommender', resource), field('Time window', span)), section('Charts', charts));
  await live(charts, signal, async () => {
    let metrics;
    try {
      metrics = await consoleApi.onlineMetrics(chosen, minutes);
    } catch (error) {
      if (error.status === 404) return { node: noData('This server has no online metrics yet.'), value: null };
      throw error;
    }
    return { node: drawCharts(metrics), value: metrics };
  }, { ms: 30000, keepGoing: () => true });
}

function noData(detail) {
  return h('div', { class: 'no-data' }, h('p', {}, h('strong', {}, 'No data')), h('p', { class: 'muted' }, detail));
}

function drawCharts(metrics) {
  const buckets = metrics.buckets ?? [];
  if (buckets.length === 0) return noData('No recommendations or events in this window.');
  const eventTypes = [...new Set(buckets.flatMap(b => Object.keys(b.events ?? {})))].sort();
  const at = b => new Date(b.start);
  const traffic = lineChart('Recommendations and impressions per minute', [
    { name: 'Recommendations', points: buckets.map(b => [at(b), b.recommendations ?? 0]) },
    { name: 'Impressions', points: buckets.map(b => [at(b), b.impressions ?? 0]) },
  ], { yLabel: 'Count' });
  if (eventTypes.length === 0) return h('div', {}, traffic, noData('No events attributed in this window.'));
  const rates = lineChart('Rate of recommended items acted on (CTR) per event type', eventTypes.map(type => ({
    name: type, points: buckets.map(b => [at(b), b.events?.[type]?.rate ?? 0]),
  })), { yLabel: 'Rate', percent: true });
  const conversions = lineChart('Events on recommended items (conversions) per event type', eventTypes.map(type => ({
    name: type, points: buckets.map(b => [at(b), b.events?.[type]?.onRecommended ?? 0]),
  })), { yLabel: 'Count' });
  const totals = metrics.totals ?? {};
  return h('div', {}, traffic, rates, conversions,
    table('Totals over the window', [
      { label: 'Event type', value: t => t },
      { label: 'Events', value: t => totals.events?.[t]?.count ?? 0 },
      { label: 'On recommended items', value: t => totals.events?.[t]?.onRecommended ?? 0 },
      { label: 'Rate', value: t => `${((totals.events?.[t]?.rate ?? 0) * 100).toFixed(2)}%` },
    ], eventTypes));
}
