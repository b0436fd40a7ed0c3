using System.Text.Json;
using Attune.Contracts.Batch;
using Attune.Contracts.Resources;
using Attune.Grains.Jobs;
using Attune.Grains.Serving;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Segmentation;
using Attune.Storage.Artifacts;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Batch;

/// <inheritdoc cref="IBatchSegmentJobGrain"/>
/// <remarks>
/// Loads the version's model whole with its users' histories (as serving loads it) and ranks every user for each line
/// with <see cref="UserSegmentation.ForItems"/>: a line costs one scoring of every user, on every core.
/// </remarks>
internal sealed class BatchSegmentJobGrain(
    [PersistentState("batchSegmentJob")] IPersistentState<JobAttempts> attempts,
    IResourceRegistry registry,
    IObjectStore objects,
    IModelArtifacts artifacts,
    IDatasetStores datasets,
    TimeProvider clock,
    ILogger<BatchSegmentJobGrain> logger) : Grain, IBatchSegmentJobGrain
{
    private static readonly string[] Members = ["itemId", "itemAttributes", "filterValues"];

    public async Task StartAsync()
    {
        var jobArn = this.GetPrimaryKeyString();
        var record = await registry.GetAsync(jobArn);
        if (record is null)
        {
            return;
        }
        var job = DescribeBody.Read<BatchSegmentJobRecord>(record.Body);
        Segmenter? segmenter = null;
        var run = new BatchJobRun(registry, objects, clock, logger);
        await run.RunAsync(jobArn, attempts, "The batch segment job", job.JobInput.S3DataSource.Path, job.JobOutput.S3DataDestination.Path,
            async (file, output, done) =>
            {
                segmenter ??= await LoadAsync(job.SolutionVersionArn);
                long written = 0;
                foreach (var line in file.Lines())
                {
                    await output.WriteLineAsync(await Task.Run(() => segmenter.Answer(line, job.NumResults)));
                    await done(++written);
                }
            });
        DeactivateOnIdle();
    }

    private async Task<Segmenter> LoadAsync(string versionArn)
    {
        var version = await registry.GetAsync(versionArn)
            ?? throw new BatchJobFailedException($"The solution version {versionArn} no longer exists.");
        var versionRecord = DescribeBody.Read<SolutionVersionRecord>(version.Body);
        var solution = await registry.GetAsync(versionRecord.SolutionArn)
            ?? throw new BatchJobFailedException($"The solution of {versionArn} no longer exists.");
        var recipeArn = versionRecord.RecipeArn ?? DescribeBody.Read<SolutionRecord>(solution.Body).RecipeArn;
        var recipe = (recipeArn is null ? null : RecipeCatalog.Find(recipeArn))
            ?? throw new BatchJobFailedException($"The solution version {versionArn} names no recipe Attune serves.");
        // Whole (one shard): segmentation scores every user against the full catalogue in this process.
        return await Task.Run(() => new Segmenter(ServedModelLoader.Load(artifacts, datasets, versionArn, solution.ParentArn!, recipe, _ => 1)));
    }

    /// <summary>A loaded model with its users' histories in one list, ready to rank users for a line.</summary>
    private sealed class Segmenter
    {
        private readonly ServedModel _model;
        private readonly string[] _users;
        private readonly ModelHistory[] _histories;

        public Segmenter(ServedModel model)
        {
            _model = model;
            _users = [.. model.Data.Histories.UserIds];
            _histories = [.. _users.Select(u => model.Data.Histories.TryGet(u, out var history, out _) ? history : ModelHistory.Empty)];
        }

        public string Answer(string line, int numResults)
        {
            if (BatchLine.Parse(line, out var error) is not { } input)
            {
                return BatchLine.Write(line, null, null, error);
            }
            if (BatchLine.UnknownMember(input, Members) is { } unknown)
            {
                return BatchLine.Write(line, input, null, $"Unknown field {unknown}: a segment line takes itemId or itemAttributes.");
            }
            var itemId = BatchLine.String(input, "itemId", ref error);
            var attributes = BatchLine.String(input, "itemAttributes", ref error);
            var items = error is null ? SegmentQueries.ItemsOf(_model, itemId, attributes, out error) : null;
            if (items is null)
            {
                return BatchLine.Write(line, input, null, error);
            }
            var users = UserSegmentation.ForItems(_model.Model, _histories, items, numResults);
            return BatchLine.Write(line, input, writer => WriteUsers(writer, users), null);
        }

        private void WriteUsers(Utf8JsonWriter writer, IReadOnlyList<ScoredUser> users)
        {
            writer.WriteStartArray("recommendedUsers");
            foreach (var user in users)
            {
                writer.WriteStringValue(_users[user.User]);
            }
            writer.WriteEndArray();
        }
    }
}
