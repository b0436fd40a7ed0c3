using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Attune.Contracts.Resources;
using Attune.Contracts.Training;
using Attune.Grains.Diagnostics;
using Attune.Grains.Jobs;
using Attune.Grains.Progress;
using Attune.Recipes.Actions;
using Attune.Recipes.Catalog;
using Attune.Recipes.Models;
using Attune.Recipes.Training;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Datasets;
using Attune.Storage.Schemas;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Training;

/// <inheritdoc cref="ISolutionVersionGrain"/>
[SuppressMessage("Design", "CA1001", Justification = "The token source lives only for one StartAsync call, which disposes it.")]
public sealed partial class SolutionVersionGrain(
    [PersistentState("training")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IDatasetStores datasetStores,
    IModelArtifacts artifacts,
    TimeProvider clock,
    ILogger<SolutionVersionGrain> logger) : Grain, ISolutionVersionGrain
{
    /// <summary>Set while a training runs; owned and disposed by that StartAsync call, StopAsync only cancels it.</summary>
    private CancellationTokenSource? _stop;

    /// <summary>Trains inside this one-way call, so the activation stays busy (not collected) until it is done.</summary>
    public async Task StartAsync()
    {
        var arn = this.GetPrimaryKeyString();
        var version = await registry.GetAsync(arn);
        if (version is null || !ResourceStatus.IsTransient(version.Status) || _stop is not null)
        {
            return;
        }
        if (version.Status == ResourceStatus.CreateStopping)
        {
            await FinishAsync(arn, ResourceStatus.CreateStopped, null);
            return;
        }
        if (!await attempts.TryStartAsync())
        {
            await FinishAsync(arn, ResourceStatus.CreateFailed, JobAttempts.ExhaustedReason("Training"));
            return;
        }
        using var stop = _stop = new CancellationTokenSource();
        try
        {
            if (!await registry.UpdateIfStatusAsync(version.WithStatus(ResourceStatus.CreateInProgress, Now()), version.Status))
            {
                await StoppedBeforeTrainingAsync(arn);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var result = await TrainAsync(version, stop.Token);
            LogTrained(logger, arn, result.Description);
            artifacts.WriteMetrics(arn, result.Metrics);
            artifacts.WriteModel(arn, result.Write);
            await FinishAsync(arn, ResourceStatus.Active, null, trained => trained with
            {
                TrainingHours = Stopwatch.GetElapsedTime(started).TotalHours,
                TrainingProgress = TrainingProgressReport.Done,
                TunedHpoParams = result.TunedHyperParameters is { } tuned ? new TunedHpoParams { AlgorithmHyperParameters = tuned } : null,
            });
            if (result.BestRecipeArn is { } best)
            {
                await RecordAutoMlResultAsync(version, best);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await FinishAsync(arn, ResourceStatus.CreateStopped, null);
        }
        catch (InsufficientDataException error)
        {
            await FinishAsync(arn, ResourceStatus.CreateFailed, error.Message);
        }
        catch (Exception error)
        {
            LogFailed(logger, arn, error);
            await FinishAsync(arn, ResourceStatus.CreateFailed, $"Training failed: {error.Message}");
        }
        finally
        {
            _stop = null;
        }
        DeactivateOnIdle();
    }

    public Task StopAsync()
    {
        _stop?.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A stop came between reading the version and marking it CREATE IN_PROGRESS: it wrote CREATE STOPPED (the version
    /// was pending) or CREATE STOPPING (it was resuming), which this call completes. Nothing was trained.
    /// </summary>
    private async Task StoppedBeforeTrainingAsync(string arn)
    {
        if ((await registry.GetAsync(arn))?.Status == ResourceStatus.CreateStopping)
        {
            await FinishAsync(arn, ResourceStatus.CreateStopped, null);
        }
    }

    /// <summary>What a training produced, whatever the recipe: metrics, the artifact writer, a log line and the HPO/AutoML results.</summary>
    private sealed record TrainedVersion(IReadOnlyDictionary<string, double> Metrics, Action<Stream> Write, string Description,
        IReadOnlyDictionary<string, string>? TunedHyperParameters = null, string? BestRecipeArn = null);

    private async Task<TrainedVersion> TrainAsync(ResourceRecord version, CancellationToken cancellationToken)
    {
        using var activity = AttuneActivities.Source.StartActivity("training");
        activity?.SetTag("attune.solution_version", version.Arn);
        var solution = await registry.GetAsync(DescribeBody.Read<SolutionVersionRecord>(version.Body).SolutionArn, cancellationToken)
            ?? throw new InvalidOperationException("The solution of this version no longer exists.");
        var groupArn = solution.ParentArn!;
        var datasets = await registry.ListLiveChildrenAsync(groupArn, [ResourceKinds.Dataset], cancellationToken);
        var solutionRecord = DescribeBody.Read<SolutionRecord>(solution.Body);
        var settings = SolutionSettingsReader.Read(solutionRecord);
        var trainingColumns = DescribeBody.Read<SolutionVersionRecord>(version.Body).SolutionConfig?.TrainingDataConfig
            ?? solutionRecord.SolutionConfig?.TrainingDataConfig;
        var progress = new ResourceProgress<TrainingProgress>(registry, version.Arn, SolutionVersionRecord.TrainingProgressMember,
            p => DescribeBody.Write(new TrainingProgressReport { Percent = Math.Round(p.Percent, 1), Stage = p.Stage }), clock);
        if (settings.RecipeArn is { } recipeArn && RecipeCatalog.Find(recipeArn)?.Type == RecipeType.PersonalizedActions)
        {
            return await TrainActionsAsync(groupArn, datasets, settings, progress, cancellationToken);
        }

        if (!datasets.Any(d => DatasetTypeOf(d) == DatasetType.Interactions))
        {
            throw new InsufficientDataException("Create failed. The dataset group has no Interactions dataset.");
        }
        var itemsSchema = await SchemaOfAsync(datasets, DatasetType.Items);
        var interactionsSchema = await SchemaOfAsync(datasets, DatasetType.Interactions);
        return await Task.Run(() =>
        {
            using var store = datasetStores.Open(groupArn);
            var data = TrainingDataLoader.Load(store, itemsSchema, interactionsSchema, trainingColumns);
            var result = SolutionTrainer.Train(data, settings, progress, cancellationToken);
            return new TrainedVersion(result.Metrics, stream => ModelSerializer.Write(result.Model, stream),
                $"{result.Model.Kind} model; {result.Model.TrainingNote}", result.TunedHyperParameters, result.BestRecipeArn);
        }, cancellationToken);
    }

    /// <summary>aws-next-best-action: trained on the Actions and Action_Interactions datasets instead of Interactions.</summary>
    private async Task<TrainedVersion> TrainActionsAsync(string groupArn, IReadOnlyList<ResourceRecord> datasets, SolutionSettings settings,
        IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        if (!datasets.Any(d => DatasetTypeOf(d) == DatasetType.ActionInteractions))
        {
            throw new InsufficientDataException("Create failed. aws-next-best-action needs an Action_Interactions dataset in the dataset group.");
        }
        var actionsSchema = await SchemaOfAsync(datasets, DatasetType.Actions)
            ?? throw new InsufficientDataException("Create failed. aws-next-best-action needs an Actions dataset in the dataset group.");
        var recipe = RecipeCatalog.Find(settings.RecipeArn!)!;
        return await Task.Run(() =>
        {
            using var store = datasetStores.Open(groupArn);
            var result = NextBestActionSolution.Train(ActionDataLoader.ReadInteractions(store), ActionDataLoader.ReadCatalog(store, actionsSchema),
                recipe.HyperParameters(settings.HyperParameters), progress, cancellationToken);
            return new TrainedVersion(result.Metrics, result.Model.Write, $"next-best-action model over {result.Model.ActionCount} actions");
        }, cancellationToken);
    }

    private async Task<AvroSchema?> SchemaOfAsync(IReadOnlyList<ResourceRecord> datasets, DatasetType type)
    {
        var items = datasets.FirstOrDefault(d => DatasetTypeOf(d) == type);
        if (items is null || await registry.GetAsync(DescribeBody.Read<DatasetRecord>(items.Body).SchemaArn) is not { } schema)
        {
            return null;
        }
        return AvroSchema.Parse(DescribeBody.Read<SchemaRecord>(schema.Body).Schema);
    }

    /// <summary>trainingDataConfig.excludedDatasetColumns' Items columns (the key matched case-insensitively, as the operations accept it).</summary>
    private static DatasetType? DatasetTypeOf(ResourceRecord dataset) =>
        DatasetTypes.TryParse(DescribeBody.Read<DatasetRecord>(dataset.Body).DatasetType, out var type) ? type : null;

    private async Task RecordAutoMlResultAsync(ResourceRecord version, string bestRecipeArn)
    {
        var solution = await registry.GetAsync(version.ParentArn!);
        if (solution is not null)
        {
            var now = Now();
            var record = DescribeBody.Read<SolutionRecord>(solution.Body) with
            {
                LastUpdatedDateTime = now,
                AutoMlResult = new AutoMlResult { BestRecipeArn = bestRecipeArn },
            };
            await registry.UpdateAsync(solution with { UpdatedAt = now, Body = DescribeBody.Write(record).ToJsonString() });
        }
    }

    private async Task FinishAsync(string arn, string status, string? failureReason, Func<SolutionVersionRecord, SolutionVersionRecord>? change = null)
    {
        var version = await registry.GetAsync(arn);
        if (version is null)
        {
            return;
        }
        var finished = version.WithStatus(status, Now(), failureReason);
        if (change is not null)
        {
            var now = Now();
            var changed = change(DescribeBody.Read<SolutionVersionRecord>(finished.Body)) with { LastUpdatedDateTime = now };
            finished = finished with { UpdatedAt = now, Body = DescribeBody.Text(changed) };
        }
        await registry.UpdateAsync(finished);
    }

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained {SolutionVersionArn}: {Model}")]
    private static partial void LogTrained(ILogger logger, string solutionVersionArn, string model);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training of {SolutionVersionArn} failed")]
    private static partial void LogFailed(ILogger logger, string solutionVersionArn, Exception error);
}
