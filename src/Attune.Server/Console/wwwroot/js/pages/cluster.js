// The cluster's silos (load, activations, served models and their memory) and the server's health checks, refreshed
// every 5 s.
import { h, table, heading, section, statusBadge } from '../dom.js';
import { consoleApi } from '../api.js';
import { live } from '../ui.js';

const bytes = n => {
  if (n === undefined || n === null) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
};

export async function render(main, { signal }) {
  const silos = h('div', {});
  const health = h('div', {});
  main.append(heading('Cluster & health'), section('Silos', silos), section('Health', health));
  await Promise.all([
    live(silos, signal, async () => {
      const cluster = await consoleApi.cluster();
      return {
        node: h('div', {}, h('p', {}, `Mode: ${cluster.mode}`), table('Silos', [
          { label: 'Silo', value: s => s.name },
          { label: 'Address', value: s => h('code', {}, s.address ?? '') },
          { label: 'Status', value: s => statusBadge(s.status) },
          { label: 'Role', value: s => s.role ?? '' },
          { label: 'CPU', value: s => s.cpuPercent === undefined || s.cpuPercent === null ? '' : `${s.cpuPercent.toFixed(0)}%` },
          { label: 'Memory', value: s => bytes(s.memoryBytes) },
          { label: 'Activations', value: s => s.activations?.toLocaleString() ?? '' },
          { label: 'Served models', value: s => s.servedModels ?? '' },
          { label: 'Model memory', value: s => bytes(s.modelBytes) },
        ], cluster.silos ?? [], { hideCaption: true })),
        value: cluster,
      };
    }, { ms: 5000, keepGoing: () => true }),
    live(health, signal, async () => {
      const report = await consoleApi.health();
      return {
        node: h('div', {}, h('p', {}, 'Overall: ', statusBadge(report.status)), table('Health checks', [
          { label: 'Check', value: c => c.name },
          { label: 'Status', value: c => statusBadge(c.status) },
          { label: 'Description', value: c => c.description ?? '' },
        ], report.checks ?? [], { hideCaption: true })),
        value: report,
      };
    }, { ms: 5000, keepGoing: () => true }),
  ]);
}
