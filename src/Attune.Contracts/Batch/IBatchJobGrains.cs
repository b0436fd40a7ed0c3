using Orleans.Concurrency;

namespace Attune.Contracts.Batch;

/// <summary>
/// Runs one batch inference job (keyed by its ARN) to ACTIVE or CREATE FAILED. Started again after a crash, it skips
/// the output files already written (each is written whole) and answers the rest.
/// </summary>
[Alias("attune.IBatchInferenceJobGrain")]
public interface IBatchInferenceJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job if it is not already running and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();
}

/// <summary>Runs one batch segment job (keyed by its ARN) to ACTIVE or CREATE FAILED; resumable like the inference job.</summary>
[Alias("attune.IBatchSegmentJobGrain")]
public interface IBatchSegmentJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job if it is not already running and returns at once.</summary>
    [Alias("Start"), OneWay]
    Task StartAsync();
}

/// <summary>
/// One of a batch inference job's workers (keyed <c>{job ARN}#{n}</c>, placed at random so a cluster's silos share the
/// job): it serves the job's solution version through the runtime's engine and answers chunks of input lines.
/// </summary>
[Alias("attune.IBatchInferenceWorkerGrain")]
public interface IBatchInferenceWorkerGrain : IGrainWithStringKey
{
    /// <summary>The output lines of <paramref name="chunk"/>'s input lines, in order.</summary>
    [Alias("Answer")]
    Task<string[]> AnswerAsync(BatchInferenceChunk chunk);

    /// <summary>The job is over: unloads what the worker deployed.</summary>
    [Alias("Finish")]
    Task FinishAsync();
}

/// <summary>Input lines of one file of a job, with the job's serving settings.</summary>
[GenerateSerializer, Immutable, Alias("attune.BatchInferenceChunk")]
public sealed record BatchInferenceChunk(
    [property: Id(0)] string SolutionVersionArn,
    [property: Id(1)] string? FilterArn,
    [property: Id(2)] int NumResults,
    [property: Id(3)] float ExplorationWeight,
    [property: Id(4)] double ExplorationItemAgeCutOffDays,
    [property: Id(5)] string[] Lines);
