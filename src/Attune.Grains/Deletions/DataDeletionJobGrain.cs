using System.Text.Json.Nodes;
using Attune.Contracts.Jobs;
using Attune.Contracts.Resources;
using Attune.Grains.Diagnostics;
using Attune.Grains.Jobs;
using Attune.Grains.Live;
using Attune.Grains.Progress;
using Attune.Storage.Csv;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Deletions;

/// <inheritdoc cref="IDataDeletionJobGrain"/>
/// <remarks>
/// Order: the users' rows leave the store (batch by batch, each batch one transaction), then their live histories,
/// then the served models' stored histories (every silo, through the catalogue version). Only then is the job
/// COMPLETED, so from that moment their recommendations are cold-start and the next training does not see them.
/// </remarks>
public sealed partial class DataDeletionJobGrain(
    [PersistentState("deletionJob")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IObjectStore objects,
    IDatasetStores datasets,
    ILiveHistoryWriter live,
    IEntityChanges changes,
    TimeProvider clock,
    ILogger<DataDeletionJobGrain> logger) : Grain, IDataDeletionJobGrain
{
    public async Task StartAsync()
    {
        var jobArn = this.GetPrimaryKeyString();
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
                throw new JobFailedException(JobAttempts.ExhaustedReason("The data deletion"));
            }
            var (deleted, processed) = await RunAsync(job);
            await FinishAsync(jobArn, ResourceStatus.Completed, null, (deleted, processed));
        }
        catch (JobFailedException error)
        {
            await FinishAsync(jobArn, ResourceStatus.Failed, error.Message, null);
        }
        catch (ObjectLocationException error)
        {
            await FinishAsync(jobArn, ResourceStatus.Failed, $"Invalid Data location. {error.Message}", null);
        }
        catch (InvalidDataException error)
        {
            await FinishAsync(jobArn, ResourceStatus.Failed, error.Message, null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, jobArn, error);
            await FinishAsync(jobArn, ResourceStatus.Failed, $"The data deletion failed unexpectedly: {error.Message}", null);
        }
        DeactivateOnIdle();
    }

    /// <summary>Returns the users that had data (numDeleted) and the distinct user ids of the input.</summary>
    private async Task<(int Deleted, int Processed)> RunAsync(ResourceRecord job)
    {
        using var activity = AttuneActivities.Source.StartActivity("data-deletion");
        activity?.SetTag("attune.data_deletion_job", job.Arn);
        var deletion = DescribeBody.Read<DataDeletionJobRecord>(job.Body);
        var groupArn = deletion.DatasetGroupArn;
        if (await registry.GetAsync(groupArn) is null)
        {
            throw new JobFailedException("The dataset group of this data deletion job no longer exists.");
        }
        await registry.UpdateAsync(job.WithStatus(ResourceStatus.InProgress, Now()));
        var users = await ReadUsersAsync(deletion.DataSource.DataLocation);
        var progress = new ResourceProgress<long>(registry, job.Arn, JobProgress.Member, rows => new JsonObject { ["rowsDone"] = rows }, clock);
        var deleted = await Task.Run(() =>
        {
            using var store = datasets.Open(groupArn);
            return DeletionBatches.Run(store, job.Arn, users, progress);
        });
        foreach (var chunk in users.Chunk(256))
        {
            await Task.WhenAll(chunk.Select(user => live.ForgetAsync(groupArn, user)));
        }
        await changes.ChangedAsync(groupArn, CancellationToken.None);
        // This silo's served models dropped the histories above; other silos look at the group's version every
        // CheckInterval, so waiting two of them makes COMPLETED mean "no silo serves their history any more".
        await Task.Delay(CatalogueFreshness.CheckInterval * 2);
        activity?.SetTag("attune.users", deleted);
        return (deleted, users.Count);
    }

    /// <summary>The distinct user ids of every CSV file at the location (a file, or every object under a prefix).</summary>
    private async Task<List<string>> ReadUsersAsync(string location)
    {
        var users = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"attune-deletion-{Guid.NewGuid():N}")).FullName;
        try
        {
            foreach (var stored in await objects.ListAsync(location, CancellationToken.None))
            {
                var file = await objects.FetchAsync(stored, scratch, CancellationToken.None);
                await using var stream = File.OpenRead(file);
                UserIdFile.Read(stream, stored.Uri, users, seen);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        return users;
    }

    private async Task FinishAsync(string jobArn, string status, string? failureReason, (int Deleted, int Processed)? counts)
    {
        var job = await registry.GetAsync(jobArn);
        if (job is null)
        {
            return;
        }
        var finished = job.WithStatus(status, Now(), failureReason);
        if (counts is { } done)
        {
            finished = finished.WithBody(Now(), body =>
            {
                body["numDeleted"] = done.Deleted;
                body[JobProgress.Member] = new JsonObject { ["rowsDone"] = done.Processed };
            });
        }
        await registry.UpdateAsync(finished);
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Data deletion job {JobArn} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string jobArn, Exception error);
}
