// Online metrics of a campaign or recommender (metric attribution): rates (CTR) and conversions per event type over
// time, refreshed every 30 s (no data until events name a served recommendationId), and the group's metric
// attribution (its metrics and status), which can be created here.
import { h, field, select, heading, section, table, statusBadge } from '../dom.js';
import { listAll, consoleApi, personalize } from '../api.js';
import { live, apiForm } from '../ui.js';
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
  main.append(heading('Online metrics'), section('Metric attribution', await attribution(groupArn, navigate, signal)));
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
    const metrics = await consoleApi.onlineMetrics(chosen, minutes);
    return { node: drawCharts(metrics), value: metrics };
  }, { ms: 30000, keepGoing: () => true });
}

async function attribution(groupArn, navigate, signal) {
  const [found] = await listAll('ListMetricAttributions', { datasetGroupArn: groupArn }, 'metricAttributions', signal);
  if (found) {
    const metrics = await listAll('ListMetricAttributionMetrics', { metricAttributionArn: found.metricAttributionArn }, 'metrics', signal);
    return h('div', {}, h('p', {}, `${found.name} `, statusBadge(found.status)),
      table('Attributed metrics', [
        { label: 'Metric', value: m => m.metricName }, { label: 'Event type', value: m => m.eventType },
        { label: 'Expression', value: m => h('code', {}, m.expression) },
      ], metrics));
  }
  const name = h('input', { required: true, maxlength: 63, pattern: '[a-zA-Z0-9][a-zA-Z0-9\\-_]*', autocomplete: 'off' });
  const eventType = h('input', { required: true, maxlength: 256, placeholder: 'e.g. Purchase' });
  const metricName = h('input', { required: true, maxlength: 256, placeholder: 'e.g. REVENUE' });
  const expression = h('input', { required: true, maxlength: 256, value: 'SAMPLECOUNT()', spellcheck: 'false' });
  const role = h('input', { required: true, maxlength: 256, value: 'arn:aws:iam::000000000000:role/attune', spellcheck: 'false' });
  return h('div', {}, h('p', { class: 'muted' }, 'This group has no metric attribution.'), apiForm('Create a metric attribution', [
    field('Name', name), field('Event type', eventType), field('Metric name', metricName),
    field('Expression', expression, 'SAMPLECOUNT() or SUM(Items.<numeric column>)'), field('Role ARN', role),
  ], 'Create metric attribution', async () => {
    await personalize('CreateMetricAttribution', {
      name: name.value, datasetGroupArn: groupArn,
      metrics: [{ eventType: eventType.value, metricName: metricName.value, expression: expression.value }],
      metricsOutputConfig: { roleArn: role.value },
    });
    navigate(location.pathname + location.search, { replace: true });
  }));
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
