using System.Text.Json;
using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Grains.Jobs;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Batch;

/// <summary>
/// What both batch job grains do around their work: count the attempt, move to CREATE IN_PROGRESS, write progress,
/// skip output files a crashed attempt of the same job already wrote, and end ACTIVE or CREATE FAILED with Personalize's failureReason.
/// </summary>
internal sealed partial class BatchJobRun(IResourceRegistry registry, IObjectStore objects, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// Writes the output lines of one input file to <paramref name="output"/>, in input order, as they are answered;
    /// <paramref name="done"/> reports the lines written so far in that file. May be called again for the same file
    /// when the object store retries a failed write.
    /// </summary>
    public delegate Task AnswerFile(BatchFile file, TextWriter output, Func<long, Task> done);

    public async Task RunAsync(string jobArn, IPersistentState<JobAttempts> attempts, string what,
        string inputPath, string outputPath, AnswerFile answer)
    {
        var job = await registry.GetAsync(jobArn);
        if (job is null || !ResourceStatus.IsTransient(job.Status))
        {
            return;
        }
        var withinBudget = await attempts.TryStartAsync();
        try
        {
            if (!withinBudget)
            {
                throw new BatchJobFailedException(JobAttempts.ExhaustedReason(what));
            }
            await registry.UpdateAsync(job.WithStatus(ResourceStatus.CreateInProgress, Now()));
            // Only a resumed attempt skips existing outputs: a first attempt replaces what an older job left there.
            var resumed = attempts.State.Count > 1;
            var total = await InScratchAsync(jobArn, inputPath, outputPath, resumed, answer);
            await FinishAsync(jobArn, ResourceStatus.Active, null, total);
        }
        catch (Exception error) when (error is BatchJobFailedException or ServingException)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, error.Message, null);
        }
        catch (ObjectLocationException error)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"Failed to write the output to {outputPath}: {error.Message}", null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, jobArn, error);
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"{what} failed unexpectedly: {error.Message}", null);
        }
    }

    private async Task<long> InScratchAsync(string jobArn, string inputPath, string outputPath, bool resumed, AnswerFile answer)
    {
        var scratch = Directory.CreateTempSubdirectory("attune-batch-").FullName;
        try
        {
            return await WorkAsync(jobArn, inputPath, outputPath, scratch, resumed, answer);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<long> WorkAsync(string jobArn, string inputPath, string outputPath, string scratch, bool resumed, AnswerFile answer)
    {
        var files = await BatchFiles.ListAsync(objects, inputPath, outputPath, scratch, CancellationToken.None);
        long total = files.Sum(f => f.LineCount);
        long finished = 0;
        var progress = new BatchProgress(registry, jobArn, total, clock);
        await progress.ReportAsync(0);
        foreach (var file in files)
        {
            // A file is written whole, so one that exists was finished by an earlier attempt: never write it twice.
            if (!resumed || !await objects.ExistsAsync(file.OutputUri, CancellationToken.None))
            {
                var before = finished;
                await objects.WriteAsync(file.OutputUri, async (stream, _) =>
                {
                    await using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
                    await answer(file, writer, done => progress.ReportAsync(before + done));
                }, CancellationToken.None);
            }
            finished += file.LineCount;
            await progress.ReportAsync(finished);
        }
        return total;
    }

    private async Task FinishAsync(string jobArn, string status, string? failureReason, long? total)
    {
        var job = await registry.GetAsync(jobArn);
        if (job is null)
        {
            return;
        }
        var now = Now();
        if (total is { } lines)
        {
            var done = JsonSerializer.SerializeToNode(new BatchJobProgress { LinesDone = lines, LinesTotal = lines })!;
            await registry.SetBodyMemberAsync(jobArn, BatchJobProgress.Member, done.ToJsonString(), now);
            job = await registry.GetAsync(jobArn) ?? job;
        }
        await registry.UpdateAsync(job.WithStatus(status, now, failureReason));
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch job {JobArn} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string jobArn, Exception error);
}
