using System.Text.Json.Nodes;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Data;
using Attune.Recipes.Models;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// A dataset group with ten items, a hand-built model whose scores are known, and registry records for solutions,
/// versions, campaigns and filters, served by a real engine over SQLite. Item i0 leads to i1 (0.9), i2 (0.5) and
/// i5 (0.3); i3 leads to i4 (0.8) and i1 (0.2). Popularity puts i9 first. i6 is the one young item.
/// </summary>
internal sealed class ServingWorld : IDisposable
{
    public const string Prefix = "arn:aws:personalize:us-east-1:000000000000:";
    public const string GroupArn = Prefix + "dataset-group/world";
    public const long Now = 1_700_000_000;

    public static readonly float[] Popularity = [5, 8, 3, 7, 2, 6, 1, 9, 4, 10];
    public static readonly string[] Genres = ["drama", "comedy", "drama", "comedy", "drama", "comedy", "drama", "comedy", "drama", "comedy"];

    private readonly TempFolder _folder = new();
    private readonly SqliteResourceRegistry _registry;

    public ServingWorld(int shards = 3, TimeProvider? clock = null, int? interactionsPerEventTypeCap = null)
    {
        clock ??= TimeProvider.System;
        _registry = new SqliteResourceRegistry(Path.Combine(_folder.Path, "catalog.db"));
        Artifacts = new ModelArtifacts(_folder.Path);
        WriteData();
        Deployments = new CampaignDeployments(_registry, Artifacts, new SqliteDatasetStores(_folder.Path), clock,
            Options.Create(new ServingOptions { Shards = shards, MinShardItems = 1, InteractionsPerEventTypeCap = interactionsPerEventTypeCap }));
        Engine = new RecommendationEngine(Deployments, new FilterCache(_registry, clock), new InProcessModelShards(Artifacts), Live, Live,
            NullLogger<RecommendationEngine>.Instance);
    }

    public IResourceRegistry Registry => _registry;

    public ModelArtifacts Artifacts { get; }

    public CampaignDeployments Deployments { get; }

    /// <summary>Events committed "after" the served data, as the UserGrains would hand them to the engine.</summary>
    public MemoryLiveHistories Live { get; } = new();

    public RecommendationEngine Engine { get; }

    public static string[] ItemIds => [.. Enumerable.Range(0, 10).Select(i => $"i{i}")];

    public static NeighborhoodModel NeighborhoodModel(float[]? popularity = null)
    {
        var basis = new ModelBasis(ItemIds, popularity ?? Popularity, EventWeighting.Create(EventSettings.Default, ["view"]));
        int[] starts = [0, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5];
        int[] columns = [1, 2, 5, 4, 1];
        float[] values = [0.9f, 0.5f, 0.3f, 0.8f, 0.2f];
        var similarity = new SparseRows(starts, columns, values);
        return new NeighborhoodModel(basis, new NeighborhoodSettings { RecencyHalfLife = 0, TransitionWeight = 0 }, similarity, similarity, null);
    }

    /// <summary>Stores a solution with one ACTIVE version whose artifact is <paramref name="model"/>; returns the version ARN.</summary>
    public async Task<string> AddVersionAsync(string solution, string recipe, RecommendationModel model, string version = "v1")
    {
        var solutionArn = $"{Prefix}solution/{solution}";
        if (await _registry.GetAsync(solutionArn) is null)
        {
            await InsertAsync(ResourceKinds.Solution, solutionArn, GroupArn, new JsonObject { ["solutionArn"] = solutionArn, ["recipeArn"] = RecipeArn(recipe) });
        }
        var versionArn = $"{solutionArn}/{version}";
        Artifacts.WriteModel(versionArn, stream => ModelSerializer.Write(model, stream));
        await InsertAsync(ResourceKinds.SolutionVersion, versionArn, solutionArn,
            new JsonObject { ["solutionVersionArn"] = versionArn, ["solutionArn"] = solutionArn, ["recipeArn"] = RecipeArn(recipe) });
        return versionArn;
    }

    public async Task<string> AddCampaignAsync(string name, string versionArn, string explorationWeight = "0", bool metadata = false)
    {
        var arn = $"{Prefix}campaign/{name}";
        var config = new JsonObject
        {
            ["itemExplorationConfig"] = new JsonObject { ["explorationWeight"] = explorationWeight, ["explorationItemAgeCutOff"] = "30" },
            ["enableMetadataWithRecommendations"] = metadata,
        };
        await InsertAsync(ResourceKinds.Campaign, arn, versionArn[..versionArn.LastIndexOf('/')],
            new JsonObject { ["campaignArn"] = arn, ["solutionVersionArn"] = versionArn, ["campaignConfig"] = config });
        return arn;
    }

    public async Task<string> AddFilterAsync(string name, string expression)
    {
        var arn = $"{Prefix}filter/{name}";
        await InsertAsync(ResourceKinds.Filter, arn, GroupArn,
            new JsonObject { ["filterArn"] = arn, ["filterExpression"] = expression, ["datasetGroupArn"] = GroupArn });
        return arn;
    }

    public void Dispose()
    {
        Deployments.Dispose();
        _registry.Dispose();
        _folder.Dispose();
    }

    public async Task UpdateBodyAsync(string arn, Action<JsonObject> change)
    {
        var record = (await _registry.GetAsync(arn))!;
        var body = JsonNode.Parse(record.Body)!.AsObject();
        change(body);
        await _registry.UpdateAsync(record with { Body = body.ToJsonString() });
    }

    private async Task InsertAsync(string kind, string arn, string parent, JsonObject body)
    {
        body["status"] = ResourceStatus.Active;
        await _registry.TryInsertAsync(new ResourceRecord(arn, kind, arn[(arn.LastIndexOf('/') + 1)..], parent, ResourceStatus.Active, Now, Now, body.ToJsonString()), []);
    }

    /// <summary>The world's dataset store (SQLite, as the server opens it).</summary>
    public Storage.Datasets.IDatasetStore OpenStore() => new SqliteDatasetStores(_folder.Path).Open(GroupArn);

    /// <summary>PutItems of one item (as the events API stores it), then the refresh serving does before acknowledging.</summary>
    public Task PutItemAsync(string id, string genre, double price) => PutItemsAsync([(id, genre, price)]);

    /// <summary>PutItems of several items created now, in one put and one serving refresh.</summary>
    public async Task PutItemsAsync(IEnumerable<(string Id, string Genre, double Price)> items)
    {
        using (var store = SqliteDatasetStore.Open(_folder.Path, GroupArn))
        {
            store.Put(DatasetType.Items, ItemsSchema, [.. items.Select(item => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["ITEM_ID"] = item.Id, ["GENRE"] = item.Genre, ["OWNER"] = "partner",
                ["PRICE"] = item.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CREATION_TIMESTAMP"] = Now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })]);
        }
        await Deployments.RefreshCatalogueAsync(GroupArn, CancellationToken.None);
    }

    /// <summary>PutUsers of one user's AGE, then the serving refresh.</summary>
    public async Task PutUserAsync(string id, int age)
    {
        using (var store = SqliteDatasetStore.Open(_folder.Path, GroupArn))
        {
            store.Put(DatasetType.Users, UsersSchema,
                [new Dictionary<string, string?> { ["USER_ID"] = id, ["AGE"] = age.ToString(System.Globalization.CultureInfo.InvariantCulture) }]);
        }
        await Deployments.RefreshCatalogueAsync(GroupArn, CancellationToken.None);
    }

    private static AvroSchema ItemsSchema => Schema("Items", """{"name":"ITEM_ID","type":"string"},{"name":"GENRE","type":"string","categorical":true},{"name":"OWNER","type":"string","categorical":true},{"name":"PRICE","type":"double"},{"name":"CREATION_TIMESTAMP","type":"long"}""");

    private static AvroSchema UsersSchema => Schema("Users", """{"name":"USER_ID","type":"string"},{"name":"AGE","type":"int"}""");

    private static string RecipeArn(string recipe) => "arn:aws:personalize:::recipe/" + recipe;

    /// <summary>u1 saw i0; u2 saw i3 then i0 (a click); every item has one older view by "crowd"; users carry an AGE.</summary>
    private void WriteData()
    {
        using var store = SqliteDatasetStore.Open(_folder.Path, GroupArn);
        var interactions = new List<IReadOnlyDictionary<string, string?>>();
        for (int i = 0; i < 10; i++)
        {
            interactions.Add(Event("crowd", $"i{i}", Now - 86400 * 60 + i, "view"));
        }
        interactions.Add(Event("u1", "i0", Now - 100, "view"));
        interactions.Add(Event("u2", "i3", Now - 50, "view"));
        interactions.Add(Event("u2", "i0", Now, "click"));
        store.Put(DatasetType.Interactions, Schema("Interactions", """{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}"""), interactions);
        var items = Enumerable.Range(0, 10).Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["ITEM_ID"] = $"i{i}",
            ["GENRE"] = Genres[i],
            ["OWNER"] = i is 7 or 8 ? "in-house" : "partner",
            ["PRICE"] = (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CREATION_TIMESTAMP"] = (i == 6 ? Now - 86400 : Now - 86400 * 365).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        store.Put(DatasetType.Items, ItemsSchema, items);
        store.Put(DatasetType.Users, UsersSchema,
            [new Dictionary<string, string?> { ["USER_ID"] = "u1", ["AGE"] = "15" }, new Dictionary<string, string?> { ["USER_ID"] = "u2", ["AGE"] = "40" }]);
    }

    private static Dictionary<string, string?> Event(string user, string item, long timestamp, string type) =>
        new() { ["USER_ID"] = user, ["ITEM_ID"] = item, ["TIMESTAMP"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ["EVENT_TYPE"] = type };

    private static AvroSchema Schema(string name, string fields) =>
        AvroSchema.Parse($$"""{"type":"record","name":"{{name}}","namespace":"com.amazonaws.personalize.schema","fields":[{{fields}}],"version":"1.0"}""");
}
