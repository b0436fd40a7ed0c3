using Attune.Contracts.Imports;
using Attune.Contracts.Resources;
using Attune.Grains.Diagnostics;
using Attune.Grains.Jobs;
using Attune.Grains.Progress;
using Attune.Storage.Resources;
using Attune.Storage;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Objects;
using Attune.Storage.Schemas;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Imports;

/// <inheritdoc cref="IDatasetImportJobGrain"/>
public sealed partial class DatasetImportJobGrain(
    [PersistentState("importJob")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IObjectStore objects,
    StorageLocations locations,
    IDatasetStores datasets,
    ImportGates gates,
    TimeProvider clock,
    ILogger<DatasetImportJobGrain> logger) : Grain, IDatasetImportJobGrain
{
    /// <summary>Runs the whole import inside this (one-way) call, so the activation stays busy and is not collected meanwhile.</summary>
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
            var rows = await RunAsync(job, withinBudget);
            await FinishAsync(jobArn, ResourceStatus.Active, null, rows);
        }
        catch (ImportFailedException error)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, error.Message, null);
        }
        catch (ObjectLocationException error)
        {
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"Invalid Data location. {error.Message}", null);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, jobArn, error);
            await FinishAsync(jobArn, ResourceStatus.CreateFailed, $"The import failed unexpectedly: {error.Message}", null);
        }
        DeactivateOnIdle();
    }

    private async Task<long> RunAsync(ResourceRecord job, bool withinBudget)
    {
        using var activity = AttuneActivities.Source.StartActivity("import");
        activity?.SetTag("attune.import_job", job.Arn);
        var importJob = DescribeBody.Read<DatasetImportJobRecord>(job.Body);
        var dataset = await registry.GetAsync(importJob.DatasetArn)
            ?? throw new ImportFailedException("The dataset of this import job no longer exists.");
        var datasetRecord = DescribeBody.Read<DatasetRecord>(dataset.Body);
        var schemaRecord = await registry.GetAsync(datasetRecord.SchemaArn)
            ?? throw new ImportFailedException("The dataset's schema no longer exists.");
        var schema = AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schemaRecord.Body).Schema);
        var type = DatasetTypes.Parse(datasetRecord.DatasetType);
        var mode = importJob.ImportMode == DatasetImportJobRecord.IncrementalImport ? ImportMode.Incremental : ImportMode.Full;
        var location = importJob.DataSource.DataLocation;

        using var turn = await gates.AcquireAsync(dataset.ParentArn!, CancellationToken.None);
        using var store = datasets.Open(dataset.ParentArn!);
        store.DiscardInterruptedImports();
        if (store.CommittedImportRows(job.Arn) is { } committed)
        {
            // A crash hit between the import's commit and its ACTIVE status: it is done, don't import twice.
            return committed;
        }
        if (!withinBudget)
        {
            throw new ImportFailedException(JobAttempts.ExhaustedReason("The import"));
        }
        await registry.UpdateAsync(job.WithStatus(ResourceStatus.CreateInProgress, Now()));
        // Objects on an S3-compatible service are downloaded to a scratch folder first; local ones are read in place.
        var scratch = Path.Combine(locations.DataDirectory, "scratch", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(job.Arn)))[..16]);
        try
        {
            var files = new List<string>();
            foreach (var stored in await objects.ListAsync(location, CancellationToken.None))
            {
                files.Add(await objects.FetchAsync(stored, scratch, CancellationToken.None));
            }

            var request = new ImportRequest(job.Arn, type, schema, files, mode);
            var progress = new ResourceProgress<long>(registry, job.Arn, DatasetImportJobRecord.RowsImportedMember, rows => rows, clock);
            var result = await Task.Run(() => store.Import(request, progress));
            activity?.SetTag("attune.rows", result.Rows);
            return result.Rows;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
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
            var now = Now();
            var counted = DescribeBody.Read<DatasetImportJobRecord>(finished.Body) with { RowsImported = count, LastUpdatedDateTime = now };
            finished = finished with { UpdatedAt = now, Body = DescribeBody.Text(counted) };
        }
        await registry.UpdateAsync(finished);
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobArn} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, string jobArn, Exception error);
}
