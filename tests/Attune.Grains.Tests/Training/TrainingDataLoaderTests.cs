using Attune.Contracts.Resources;
using Attune.Grains.Tests.Serving;
using Attune.Grains.Training;
using Attune.Storage.Schemas;

namespace Attune.Grains.Tests.Training;

/// <summary>trainingDataConfig.excludedDatasetColumns: an excluded Items column never reaches the trainers.</summary>
public sealed class TrainingDataLoaderTests
{
    private static readonly AvroSchema ItemsSchema = AvroSchema.Parse("""
        {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","version":"1.0","fields":[
         {"name":"ITEM_ID","type":"string"},{"name":"GENRE","type":"string","categorical":true},
         {"name":"OWNER","type":"string","categorical":true},{"name":"PRICE","type":"double"},{"name":"CREATION_TIMESTAMP","type":"long"}]}
        """);

    [Fact]
    public void Excluded_item_columns_are_left_out_of_the_training_metadata()
    {
        using var world = new ServingWorld();
        using var store = world.OpenStore();

        var all = TrainingDataLoader.Load(store, ItemsSchema).ItemMetadata!;
        var excluded = TrainingDataLoader.Load(store, ItemsSchema, columns: new TrainingDataConfig
        {
            ExcludedDatasetColumns = new Dictionary<string, IReadOnlyList<string>> { ["Items"] = ["genre", "PRICE"] },
        }).ItemMetadata!;

        Assert.Equal(["GENRE", "OWNER"], all.Categorical.Select(c => c.Name));
        Assert.Equal(["PRICE"], all.Numeric.Select(c => c.Name));
        Assert.Equal(["OWNER"], excluded.Categorical.Select(c => c.Name));
        Assert.Empty(excluded.Numeric);
    }
}
