using System.Text;
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
        var path = export.JobOutput.S3DataDestination.Path;
        objects.Check(ExportParts.Uri(path, export.JobName, 1));
        await registry.UpdateAsync(job.WithStatus(ResourceStatus.CreateInProgress, Now()));
        var progress = new ResourceProgress<long>(registry, job.Arn, JobProgress.Member, rows => new JsonObject { ["rowsDone"] = rows }, clock);
        var rows = await Task.Run(() => WritePartsAsync(dataset.ParentArn!, type, fields, origins, path, export.JobName, progress));
        activity?.SetTag("attune.rows", rows);
        return rows;
    }

    /// <summary>
    /// Writes the parts in order; a part that exists was written whole by an earlier run, so its rows are skipped. Reads
    /// run in one snapshot per run: a run resumed after a crash continues from the data as it is then.
    /// </summary>
    private async Task<long> WritePartsAsync(string groupArn, DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins,
        string path, string jobName, ResourceProgress<long> progress)
    {
        using var store = datasets.Open(groupArn);
        using var rows = store.ReadRows(type, fields, origins).GetEnumerator();
        var scratch = Path.Combine(Path.GetTempPath(), $"attune-export-{Guid.NewGuid():N}.csv");
        long done = 0;
        try
        {
            for (var part = 1; ; part++)
            {
                var uri = ExportParts.Uri(path, jobName, part);
                long count;
                if (await objects.ExistsAsync(uri, CancellationToken.None))
                {
                    count = Skip(rows, ExportParts.RowsPerPart);
                }
                else
                {
                    count = WritePart(scratch, fields, rows, ExportParts.RowsPerPart);
                    if (count == 0 && part > 1)
                    {
                        break; // the previous part ended exactly at the last row
                    }
                    await objects.WriteAsync(uri, async (stream, token) =>
                    {
                        await using var file = File.OpenRead(scratch);
                        await file.CopyToAsync(stream, token);
                    }, CancellationToken.None);
                }
                done += count;
                progress.Report(done);
                if (count < ExportParts.RowsPerPart)
                {
                    break;
                }
            }
        }
        finally
        {
            File.Delete(scratch);
        }
        return done;
    }

    private static long WritePart(string scratch, IReadOnlyList<SchemaField> fields, IEnumerator<object?[]> rows, int most)
    {
        using var writer = new StreamWriter(scratch, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        CsvRows.WriteHeader(writer, fields);
        long count = 0;
        while (count < most && rows.MoveNext())
        {
            CsvRows.WriteRow(writer, fields, rows.Current);
            count++;
        }
        return count;
    }

    private static long Skip(IEnumerator<object?[]> rows, int most)
    {
        long count = 0;
        while (count < most && rows.MoveNext())
        {
            count++;
        }
        return count;
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
