// Hand-written SVG charts (no library, no inline styles: colours come from CSS classes). Each chart has a title and
// description for screen readers and a data table behind a <details> for anyone who wants the numbers.
import { h, svg } from './dom.js';

const width = 640;
let chartCount = 0;

function frame(title, description, height, body) {
  const id = `chart-${++chartCount}`;
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, description), body);
}

function legend(names) {
  return h('ul', { class: 'legend' }, names.map((name, i) => h('li', {}, h('span', { class: `swatch series-${i}` }), name)));
}

function dataTable(caption, header, rows) {
  return h('details', { class: 'chart-data' }, h('summary', {}, 'Show the numbers'),
    h('div', { class: 'table-wrap' }, h('table', {}, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, header.map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c))))))));
}

const format = value => value === null || value === undefined ? '—' : Number(value).toLocaleString(undefined, { maximumFractionDigits: 4 });

/** Grouped horizontal bars: one group per category, one bar per series (e.g. this version vs the previous one). */
export function barChart(title, categories, series) {
  const rowHeight = 14 * series.length + 12;
  const left = 250;
  const height = categories.length * rowHeight + 24;
  const max = Math.max(1e-9, ...series.flatMap(s => s.values.filter(v => v !== null && v !== undefined)));
  const scale = v => (width - left - 70) * (v / max);
  const bars = categories.flatMap((category, ci) => {
    const y0 = 8 + ci * rowHeight;
    return [
      svg('text', { x: left - 8, y: y0 + rowHeight / 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, category),
      ...series.flatMap((s, si) => {
        const value = s.values[ci];
        const y = y0 + si * 14;
        return value === null || value === undefined ? [] : [
          svg('rect', { x: left, y, width: Math.max(1, scale(value)), height: 11, class: `bar series-${si}` }),
          svg('text', { x: left + scale(value) + 4, y: y + 6, class: 'chart-value', 'dominant-baseline': 'middle' }, format(value)),
        ];
      }),
    ];
  });
  const description = series.map(s => `${s.name}: ${categories.map((c, i) => `${c} ${format(s.values[i])}`).join(', ')}`).join('. ');
  return h('figure', { class: 'chart-figure' },
    frame(title, description, height, [svg('line', { x1: left, x2: left, y1: 0, y2: height - 16, class: 'axis' }), ...bars]),
    h('figcaption', {}, title, legend(series.map(s => s.name))),
    dataTable(title, ['Metric', ...series.map(s => s.name)], categories.map((c, i) => [c, ...series.map(s => format(s.values[i]))])));
}

/** Lines over time: `series` = [{name, points: [[Date, value], ...]}], sharing one x axis. */
export function lineChart(title, series, { yLabel = '', percent = false } = {}) {
  const height = 220;
  const pad = { left: 56, right: 16, top: 12, bottom: 30 };
  const points = series.flatMap(s => s.points);
  const xs = points.map(p => p[0].getTime());
  const minX = Math.min(...xs);
  const maxX = Math.max(minX + 1, ...xs);
  const maxY = Math.max(percent ? 0.01 : 1, ...points.map(p => p[1]));
  const x = t => pad.left + (width - pad.left - pad.right) * ((t - minX) / (maxX - minX));
  const y = v => height - pad.bottom - (height - pad.top - pad.bottom) * (v / maxY);
  const shown = v => percent ? `${(v * 100).toFixed(1)}%` : format(v);
  const ticks = [0, 0.5, 1].map(f => maxY * f);
  const body = [
    ...ticks.map(t => [svg('line', { x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t), class: 'grid' }),
      svg('text', { x: pad.left - 6, y: y(t), class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, shown(t))]),
    svg('text', { x: pad.left, y: height - 8, class: 'chart-label' }, new Date(minX).toLocaleTimeString()),
    svg('text', { x: width - pad.right, y: height - 8, class: 'chart-label', 'text-anchor': 'end' }, new Date(maxX).toLocaleTimeString()),
    ...series.map((s, i) => svg('polyline', {
      points: s.points.map(p => `${x(p[0].getTime()).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' '), class: `line series-${i}`,
    })),
    ...series.flatMap((s, i) => s.points.map(p => svg('circle', { cx: x(p[0].getTime()), cy: y(p[1]), r: 2.5, class: `dot series-${i}` }))),
  ];
  const description = `${yLabel} from ${new Date(minX).toLocaleString()} to ${new Date(maxX).toLocaleString()}; ` +
    series.map(s => `${s.name} peaks at ${shown(Math.max(0, ...s.points.map(p => p[1])))}`).join('; ');
  const times = [...new Set(xs)].sort((a, b) => a - b);
  return h('figure', { class: 'chart-figure' },
    frame(title, description, height, body),
    h('figcaption', {}, title, legend(series.map(s => s.name))),
    dataTable(title, ['Minute', ...series.map(s => s.name)], times.map(t => [new Date(t).toLocaleTimeString(),
      ...series.map(s => { const p = s.points.find(q => q[0].getTime() === t); return p ? shown(p[1]) : '—'; })])));
}
