using Attune.Contracts.Batch;
using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Grains.Jobs;
using Attune.Grains.Serving;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Batch;

/// <inheritdoc cref="IBatchInferenceJobGrain"/>
/// <remarks>
/// Each input file is cut into chunks of <see cref="ChunkLines"/> lines that two workers per active silo answer; the
/// answers are written in input order into the file's output, which the object store publishes whole.
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

    /// <summary>Tries of one chunk: a worker whose silo died is activated again on a live one by the next call.</summary>
    private const int ChunkAttempts = 3;

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
                (file, output, done) => AnswerAsync(file, output, workers, done,
                    lines => new BatchInferenceChunk(settings.Version, settings.FilterArn, settings.NumResults, settings.Weight, settings.CutOff, lines)));
        }
        finally
        {
            await Task.WhenAll(workers.Select(w => w.FinishAsync()));
        }
        DeactivateOnIdle();
    }

    /// <summary>
    /// Chunk k goes to worker k mod W, with at most two chunks per worker in flight (queued at the worker), and the
    /// answers are written as the oldest chunk completes: memory holds a window of chunks, not the file.
    /// </summary>
    private static async Task AnswerAsync(BatchFile file, TextWriter output, IBatchInferenceWorkerGrain[] workers, Func<long, Task> done,
        Func<string[], BatchInferenceChunk> chunkOf)
    {
        var pending = new Queue<Task<string[]>>();
        long written = 0;
        async Task WriteOldestAsync()
        {
            foreach (var line in await pending.Dequeue())
            {
                await output.WriteLineAsync(line);
                written++;
            }
            await done(written);
        }
        var index = 0;
        foreach (var chunk in file.Lines().Chunk(ChunkLines))
        {
            pending.Enqueue(AnswerChunkAsync(workers[index++ % workers.Length], chunkOf(chunk)));
            if (pending.Count >= workers.Length * 2)
            {
                await WriteOldestAsync();
            }
        }
        while (pending.Count > 0)
        {
            await WriteOldestAsync();
        }
    }

    private static async Task<string[]> AnswerChunkAsync(IBatchInferenceWorkerGrain worker, BatchInferenceChunk chunk)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await worker.AnswerAsync(chunk);
            }
            catch (Exception error) when (attempt < ChunkAttempts && error is not ServingException)
            {
                // The cluster lost the worker (its silo died, the call timed out): the same lines are answered again.
            }
        }
    }
}
