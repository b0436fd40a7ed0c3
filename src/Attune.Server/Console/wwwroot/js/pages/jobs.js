// A group's jobs: batch inference and batch segment jobs (of its solution versions), dataset export jobs (of its
// datasets) and data deletion jobs, with live progress from the jobProgress extra member of Describe.
import { h, table, statusBadge, time, heading, section, shortArn, progressBar } from '../dom.js';
import { personalize, listAll } from '../api.js';
import { live, inProgress } from '../ui.js';

const recent = 10;

const kinds = [
  { title: 'Batch inference jobs', list: 'ListBatchInferenceJobs', member: 'batchInferenceJobs', describe: 'DescribeBatchInferenceJob', arn: 'batchInferenceJobArn', body: 'batchInferenceJob', scope: 'versions' },
  { title: 'Batch segment jobs', list: 'ListBatchSegmentJobs', member: 'batchSegmentJobs', describe: 'DescribeBatchSegmentJob', arn: 'batchSegmentJobArn', body: 'batchSegmentJob', scope: 'versions' },
  { title: 'Dataset export jobs', list: 'ListDatasetExportJobs', member: 'datasetExportJobs', describe: 'DescribeDatasetExportJob', arn: 'datasetExportJobArn', body: 'datasetExportJob', scope: 'datasets' },
  { title: 'Data deletion jobs', list: 'ListDataDeletionJobs', member: 'dataDeletionJobs', describe: 'DescribeDataDeletionJob', arn: 'dataDeletionJobArn', body: 'dataDeletionJob', scope: 'group' },
];

export async function render(main, { params, signal }) {
  const groupArn = params.get('group');
  const solutions = await listAll('ListSolutions', { datasetGroupArn: groupArn }, 'solutions', signal);
  const versions = (await Promise.all(solutions.map(s => listAll('ListSolutionVersions', { solutionArn: s.solutionArn }, 'solutionVersions', signal)))).flat();
  const datasets = await listAll('ListDatasets', { datasetGroupArn: groupArn }, 'datasets', signal);
  const scopes = {
    versions: versions.map(v => ({ solutionVersionArn: v.solutionVersionArn })),
    datasets: datasets.map(d => ({ datasetArn: d.datasetArn })),
    group: [{ datasetGroupArn: groupArn }],
  };
  main.append(heading('Jobs'));
  await Promise.all(kinds.map(kind => {
    const container = h('div', {});
    main.append(section(kind.title, container));
    return live(container, signal, async () => {
      const jobs = (await Promise.all(scopes[kind.scope].map(scope => listAll(kind.list, scope, kind.member, signal)))).flat()
        .sort((a, b) => (b.creationDateTime ?? 0) - (a.creationDateTime ?? 0)).slice(0, recent);
      // jobProgress is an extra member of Describe only.
      const described = await Promise.all(jobs.map(j => personalize(kind.describe, { [kind.arn]: j[kind.arn] }, signal).then(r => r[kind.body])));
      const node = table(kind.title, [
        { label: 'Job', value: j => j.jobName },
        { label: 'Status', value: j => statusBadge(j.status) },
        { label: 'Progress', value: j => progress(j) },
        { label: 'Of', value: j => shortArn(j.solutionVersionArn ?? j.datasetArn ?? j.datasetGroupArn ?? '') },
        { label: 'Failure reason', value: j => j.failureReason ? h('span', { class: 'error-text' }, j.failureReason) : '' },
        { label: 'Created', value: j => time(j.creationDateTime) },
      ], described, { empty: 'None.', hideCaption: true });
      return { node, value: described };
    }, { ms: 1000, keepGoing: jobs => jobs.some(j => inProgress(j.status)) });
  }));
}

function progress(job) {
  const p = job.jobProgress;
  if (!p) return job.status === 'ACTIVE' ? 'done' : '';
  if (p.linesTotal) return h('span', {}, progressBar(`Progress of ${job.jobName}`, p.linesDone / p.linesTotal), ` ${p.linesDone.toLocaleString()} of ${p.linesTotal.toLocaleString()} lines`);
  if (p.rowsDone !== undefined) return `${p.rowsDone.toLocaleString()} rows`;
  return '';
}
