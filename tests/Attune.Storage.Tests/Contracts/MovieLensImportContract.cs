using Attune.Storage.Import;
using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

/// <summary>The shipped MovieLens files (data/README.md gives their counts) import through each backend.</summary>
public abstract class MovieLensImportContract(IStoreBackend backend) : StoreTestBase(backend)
{
    [Fact]
    public void Interactions_with_half_star_values_import_with_the_counts_of_the_readme()
    {
        var result = Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, TestPaths.MovieLens("interactions.csv"));

        var data = Store.ReadInteractions();
        Assert.Equal(100_836, result.Rows);
        Assert.Equal(100_836, data.Count);
        Assert.Equal(610, data.UserIds.Length);
        Assert.Equal(9_724, data.ItemIds.Length);
        Assert.Equal(["rating"], data.EventTypes);
        Assert.Equal("1", data.UserIds[data.UserIndex[0]]);
        Assert.Equal("1", data.ItemIds[data.ItemIndex[0]]);
        Assert.Equal(964982703, data.Timestamp[0]);
        Assert.Equal(4f, data.EventValue[0]);
        Assert.Equal(0, data.ItemIndex[0]);
        Assert.Contains(3.5f, data.EventValue);
        Assert.Equal(0.5f, data.EventValue.Min());
        Assert.Equal(5f, data.EventValue.Max());
    }

    [Fact]
    public void Items_import_with_metadata_quoted_titles_and_empty_creation_timestamp_as_null()
    {
        Run(Store, DatasetType.Items, TestSchemas.Items, ImportMode.Full, TestPaths.MovieLens("items.csv"));

        var items = Store.ReadEntities(DatasetType.Items);
        Assert.Equal(9_742, items.Count);
        var toyStory = Array.IndexOf(items.Ids, "1");
        Assert.Equal("Adventure|Animation|Children|Comedy|Fantasy", items.Columns["GENRES"].Values[toyStory]);
        Assert.Equal(788918400L, items.Columns["creation_timestamp"].Values[toyStory]);
        Assert.Null(items.Columns["CREATION_TIMESTAMP"].Values[Array.IndexOf(items.Ids, "40697")]);
        Assert.Contains(items.Columns["TITLE"].Values, title => ((string)title!).Contains(',', StringComparison.Ordinal));
        Assert.All(items.FromBulkImport, Assert.True);
        Assert.Equal(AvroType.Long, items.Columns["CREATION_TIMESTAMP"].Type);
    }

    [Fact]
    public void Users_import_with_typed_columns_and_ids_shared_with_interactions()
    {
        Run(Store, DatasetType.Users, TestSchemas.Users, ImportMode.Full, TestPaths.SyntheticUsers);
        Run(Store, DatasetType.Interactions, TestSchemas.Interactions, ImportMode.Full, TestPaths.MovieLens("interactions.csv"));

        var users = Store.ReadEntities(DatasetType.Users, ["AGE"]);
        Assert.Equal(610, users.Count);
        Assert.Equal(["AGE"], users.Columns.Keys);
        Assert.Equal(16, users.Columns["AGE"].Values[Array.IndexOf(users.Ids, "1")]);
        Assert.Equal(610, Store.ReadInteractions().UserIds.Length);
    }
}
