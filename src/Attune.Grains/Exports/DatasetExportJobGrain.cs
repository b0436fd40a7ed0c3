using System.Text.Json.Nodes;
using Attune.Contracts.Jobs;
using Attune.Contracts.Resources;
using Attune.Grains.Diagnostics;
using Attune.Grains.Jobs;
using Attune.Grains.Progress;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Exports;

/// <inheritdoc cref="IDatasetExportJobGrain"/>
public sealed partial class DatasetExportJobGrain(
    [PersistentState("exportJob")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IObjectStore objects,
    IDatasetStores datasets,
    TimeProvider clock,
    ILogger<DatasetExportJobGrain> logger) : Grain, IDatasetExportJobGrain
{
    /// <summary>Runs the whole export inside this (one-way) call, so the activation stays busy and is not collected meanwhile.</summary>
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
                throw new JobFailedException(JobAttempts.ExhaustedReason("The export"));
            }
            var rows = await RunAsync(job);
            await FinishAsync(jobArn, ResourceStatus.Active, null, rows);
        }
        catch (JobFailedException error)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, error.Message, null);
        }
        catch (ObjectLocationException error)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"Invalid output location. {error.Message}", null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, jobArn, error);
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"The export failed unexpectedly: {error.Message}", null);
        }
        DeactivateOnIdle();
    }

    private async Task<long> RunAsync(ResourceRecord job)
    {
        using var activity = AttuneActivities.Source.StartActivity("export");
        activity?.SetTag("attune.export_job", job.Arn);
        var export = DescribeBody.Read<DatasetExportJobRecord>(job.Body);
        var dataset = await registry.GetAsync(export.DatasetArn)
            ?? throw new JobFailedException("The dataset of this export job no longer exists.");
        var datasetRecord = DescribeBody.Read<DatasetRecord>(dataset.Body);
        var schemaRecord = await registry.GetAsync(datasetRecord.SchemaArn)
            ?? throw new JobFailedException("The dataset's schema no longer exists.");
        var fields = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schemaRecord.Body).Schema).Fields;
        var type = DatasetTypes.Parse(datasetRecord.DatasetType);
        var origins = export.IngestionMode switch
        {
            DatasetExportJobRecord.Bulk => RowOrigins.Bulk,
            DatasetExportJobRecord.All => RowOrigins.All,
            _ => RowOrigins.Put,
        };
        var parts = new ExportParts(objects, export.JobOutput.S3DataDestination.Path, export.JobName);
        objects.Check(parts.Uri(1));
        await registry.UpdateAsync(job.WithStatus(ResourceStatus.CreateInProgress, Now()));
        var progress = new ResourceProgress<long>(registry, job.Arn, JobProgress.Member, rows => new JsonObject { ["rowsDone"] = rows }, clock);
        var rows = await Task.Run(async () =>
        {
            using var store = datasets.Open(dataset.ParentArn!);
            return await parts.WriteAsync(store, type, fields, origins, progress, CancellationToken.None);
        });
        activity?.SetTag("attune.rows", rows);
        return rows;
    }

    private async Task FinishAsync(string jobArn, string status, string? failureReason, long? rows)
    {
        var job = await registry.GetAsync(jobArn);
        if (job is null)
        {
            return;
        }
        var finished = job.WithStatus(status, Now(), failureReason);
        if (rows is { } count)
        {
            finished = finished.WithBody(Now(), body => body[JobProgress.Member] = new JsonObject { ["rowsDone"] = count });
        }
        await registry.UpdateAsync(finished);
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Export job {JobArn} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string jobArn, Exception error);
}
