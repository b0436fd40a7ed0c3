using Attune.Grains.Serving.Actions;
using Attune.Grains.Training;
using Attune.Recipes.Actions;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;

namespace Attune.Grains.Tests.Serving;

/// <summary>
/// How a served next-best-action model sees new action interactions: this process's commits at once (appended, no
/// store read), another writer's (another silo, an import) once the next row-count check finds them.
/// </summary>
public sealed class ServedActionsTests : IDisposable
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/served-actions";

    private static readonly AvroSchema Actions = AvroSchema.Parse("""
        {"type": "record", "name": "Actions", "namespace": "com.amazonaws.personalize.schema", "version": "1.0", "fields": [
          {"name": "ACTION_ID", "type": "string"}, {"name": "CATEGORY", "type": "string", "categorical": true},
          {"name": "REPEAT_FREQUENCY", "type": ["null", "long"]}]}
        """);

    private static readonly AvroSchema ActionInteractions = AvroSchema.Parse("""
        {"type": "record", "name": "ActionInteractions", "namespace": "com.amazonaws.personalize.schema", "version": "1.0", "fields": [
          {"name": "USER_ID", "type": "string"}, {"name": "ACTION_ID", "type": "string"},
          {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}]}
        """);

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(2_000_000_000);

    private readonly TempFolder _folder = new();
    private readonly SqliteDatasetStores _stores;

    public ServedActionsTests() => _stores = new SqliteDatasetStores(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Local_commits_are_seen_at_once_and_another_writers_after_the_next_count_check()
    {
        var served = Serve();
        Assert.Empty(HistoryOf(served, "newbie", Now));

        Put(Interaction("newbie", "a0", "TAKEN"));
        Assert.Empty(HistoryOf(served, "newbie", Now.AddMilliseconds(500)));
        Assert.Equal(["a0"], HistoryOf(served, "newbie", Now.AddSeconds(2)));

        var mine = Interaction("newbie", "a1", "Taken");
        Put(mine);
        served.Append([new StoredActionInteraction("newbie", "a1", Now.ToUnixTimeSeconds(), "TAKEN")]);
        Assert.Equal(["a0", "a1"], HistoryOf(served, "newbie", Now.AddSeconds(2.1)));
        Assert.Equal(["a0", "a1"], HistoryOf(served, "newbie", Now.AddSeconds(4)));
    }

    private ServedActions Serve()
    {
        using (var store = _stores.Open(Group))
        {
            store.Put(DatasetType.Actions, Actions, [.. new[] { "a0", "a1", "a2" }.Select(id =>
                (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["ACTION_ID"] = id, ["CATEGORY"] = "savings", ["REPEAT_FREQUENCY"] = "7" })]);
        }
        for (int u = 0; u < 20; u++)
        {
            Put(Interaction($"u{u}", $"a{u % 3}", "TAKEN"), Interaction($"u{u}", $"a{(u + 1) % 3}", "NOT_TAKEN"));
        }

        using var reader = _stores.Open(Group);
        var model = NextBestActionTrainer.Train(ActionDataLoader.ReadInteractions(reader), ActionDataLoader.ReadCatalog(reader, Actions), 14,
            TestContext.Current.CancellationToken);
        return new ServedActions(model, Group, Actions);
    }

    private static Dictionary<string, string?> Interaction(string user, string action, string eventType) => new()
    {
        ["USER_ID"] = user, ["ACTION_ID"] = action, ["TIMESTAMP"] = "1900000000", ["EVENT_TYPE"] = eventType,
    };

    private void Put(params Dictionary<string, string?>[] rows)
    {
        using var store = _stores.Open(Group);
        store.Put(DatasetType.ActionInteractions, ActionInteractions, rows);
    }

    private string[] HistoryOf(ServedActions served, string user, DateTimeOffset at) =>
        [.. served.For(user, () => _stores.Open(Group), at).History.Select(e => served.Model.Catalog.ActionIds[e.Action])];
}
