using Attune.Contracts.Batch;
using Attune.Contracts.Resources;
using Attune.Grains.Jobs;
using Attune.Grains.Serving;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Batch;

/// <inheritdoc cref="IBatchInferenceJobGrain"/>
/// <remarks>
/// Each input file is cut into chunks of <see cref="ChunkLines"/> lines that two workers per active silo answer (the
/// next chunk goes to whichever worker is free); the answers are put back in input order and the file's output is
/// written whole.
/// </remarks>
internal sealed class BatchInferenceJobGrain(
    [PersistentState("batchInferenceJob")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IObjectStore objects,
    IClusterMembershipService membership,
    TimeProvider clock,
    ILogger<BatchInferenceJobGrain> logger) : Grain, IBatchInferenceJobGrain
{
    private const int ChunkLines = 2_000;
    private const int WorkersPerSilo = 2;

    /// <summary>Runs the whole job inside this (one-way) call, so the activation stays busy and is not collected meanwhile.</summary>
    public async Task StartAsync()
    {
        var jobArn = this.GetPrimaryKeyString();
        var record = await registry.GetAsync(jobArn);
        if (record is null)
        {
            return;
        }
        var job = DescribeBody.Read<BatchInferenceJobRecord>(record.Body);
        var config = job.BatchInferenceJobConfig?.AsCampaignConfig();
        var settings = (Version: job.SolutionVersionArn, job.FilterArn, job.NumResults,
            Weight: (float)(config?.ExplorationWeight ?? CampaignSettings.DefaultExplorationWeight),
            CutOff: config?.ExplorationItemAgeCutOffDays ?? CampaignSettings.DefaultExplorationItemAgeCutOffDays);
        var silos = Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
        var workers = Enumerable.Range(0, silos * WorkersPerSilo)
            .Select(n => GrainFactory.GetGrain<IBatchInferenceWorkerGrain>($"{jobArn}#{n}")).ToArray();
        var run = new BatchJobRun(registry, objects, clock, logger);
        try
        {
            await run.RunAsync(jobArn, attempts, "The batch inference job", job.JobInput.S3DataSource.Path, job.JobOutput.S3DataDestination.Path,
                (file, done) => AnswerAsync(file, workers, done,
                    lines => new BatchInferenceChunk(settings.Version, settings.FilterArn, settings.NumResults, settings.Weight, settings.CutOff, lines)));
        }
        finally
        {
            await Task.WhenAll(workers.Select(w => w.FinishAsync()));
        }
        DeactivateOnIdle();
    }

    private static async Task<IReadOnlyList<string>> AnswerAsync(BatchFile file, IBatchInferenceWorkerGrain[] workers, Action<long> done,
        Func<string[], BatchInferenceChunk> chunkOf)
    {
        var chunks = file.Lines.Chunk(ChunkLines).ToArray();
        var answers = new string[chunks.Length][];
        var next = 0;
        long answered = 0;
        // Continuations run on this grain's scheduler, one at a time, so the counters need no locking.
        await Task.WhenAll(workers.Select(async worker =>
        {
            while (next < chunks.Length)
            {
                var index = next++;
                answers[index] = await worker.AnswerAsync(chunkOf(chunks[index]));
                answered += answers[index].Length;
                done(answered);
            }
        }));
        return [.. answers.SelectMany(a => a)];
    }
}
