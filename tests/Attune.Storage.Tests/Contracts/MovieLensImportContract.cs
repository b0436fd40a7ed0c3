using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

public abstract class MovieLensImportContract(IStoreBackend backend) : StoreTestBase(backend)
{

    private static string File(string name) => Path.Combine(TestPaths.SharedData, "ml-100k", name);

    [Fact]
    public void Ml100k_interactions_import_with_the_counts_of_the_readme()
    {
        var result = Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, File("interactions.csv"));

        var data = Store.ReadInteractions();
        Assert.Equal(100_000, result.Rows);
        Assert.Equal(100_000, data.Count);
        Assert.Equal(943, data.UserIds.Length);
        Assert.Equal(1_682, data.ItemIds.Length);
        Assert.Equal(["rating"], data.EventTypes);
        Assert.Equal("196", data.UserIds[data.UserIndex[0]]);
        Assert.Equal("242", data.ItemIds[data.ItemIndex[0]]);
        Assert.Equal(881250949, data.Timestamp[0]);
        Assert.Equal(3f, data.EventValue[0]);
        Assert.Equal(0, data.ItemIndex[0]);
        Assert.InRange(data.EventValue.Min(), 1f, 1f);
        Assert.InRange(data.EventValue.Max(), 5f, 5f);
    }

    [Fact]
    public void Ml100k_items_import_with_metadata_and_empty_creation_timestamp_as_null()
    {
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, File("items.csv"));

        var items = Store.ReadEntities(DatasetType.Items);
        Assert.Equal(1_682, items.Count);
        var toyStory = Array.IndexOf(items.Ids, "1");
        Assert.Equal("Animation|Children's|Comedy", items.Columns["GENRES"].Values[toyStory]);
        Assert.Equal(788918400L, items.Columns["creation_timestamp"].Values[toyStory]);
        Assert.Null(items.Columns["CREATION_TIMESTAMP"].Values[Array.IndexOf(items.Ids, "267")]);
        Assert.All(items.FromBulkImport, Assert.True);
        Assert.Equal(AvroType.Long, items.Columns["CREATION_TIMESTAMP"].Type);
    }

    [Fact]
    public void Ml100k_users_import_with_typed_columns_and_ids_shared_with_interactions()
    {
        Run(Store, DatasetType.Users, TestSchemas.Users, ImportMode.Full, File("users.csv"));
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, File("interactions.csv"));

        var users = Store.ReadEntities(DatasetType.Users, ["AGE"]);
        Assert.Equal(943, users.Count);
        Assert.Equal(["AGE"], users.Columns.Keys);
        Assert.Equal(24, users.Columns["AGE"].Values[Array.IndexOf(users.Ids, "1")]);
        Assert.Equal(943, Store.ReadInteractions().UserIds.Length);
    }

    [Fact]
    public void Ml_latest_small_interactions_with_half_star_values_import_with_the_counts_of_the_readme()
    {
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, Path.Combine(TestPaths.SharedData, "ml-latest-small", "interactions.csv"));

        var data = Store.ReadInteractions();
        Assert.Equal(100_836, data.Count);
        Assert.Equal(610, data.UserIds.Length);
        Assert.Equal(9_724, data.ItemIds.Length);
        Assert.Contains(3.5f, data.EventValue);
        Assert.Equal(0.5f, data.EventValue.Min());
    }

    [Fact]
    public void Ml_latest_small_items_with_quoted_titles_import()
    {
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, Path.Combine(TestPaths.SharedData, "ml-latest-small", "items.csv"));

        var items = Store.ReadEntities(DatasetType.Items, ["TITLE"]);
        Assert.Equal(9_742, items.Count);
        Assert.Contains(items.Columns["TITLE"].Values, title => ((string)title!).Contains(',', StringComparison.Ordinal));
    }
}
