using Attune.Grains.Serving;
using Attune.Storage.Datasets;

namespace Attune.Grains.Tests.Serving;

public sealed class ServedCatalogueTests
{
    private static readonly ItemActivity Activity = new(["m0", "m1"], [100, 100], [3, 2], 1_000, new Dictionary<string, (int, long)>());

    [Fact]
    public void A_refresh_keeps_every_items_index_so_served_histories_stay_valid()
    {
        var before = ServedCatalogue.Build(Activity, Items("a", "b", "c"), Items());

        // A FULL Items import replaced the dataset: a is gone, d is new.
        var after = ServedCatalogue.Build(Activity, Items("b", "c", "d"), Items(), before);

        Assert.Equal(["m0", "m1", "a", "b", "c", "d"], after.ItemIds);
        foreach (var id in before.ItemIds)
        {
            Assert.Equal(before.ItemIndex[id], after.ItemIndex[id]);
        }
        Assert.Equal(after.Count - after.ModelItemCount, after.NewItemNeighbors.Length);
    }

    [Fact]
    public void An_item_the_items_dataset_dropped_is_never_explored_until_it_returns()
    {
        var before = ServedCatalogue.Build(Activity, Items("a", "b"), Items());
        var dropped = ServedCatalogue.Build(Activity, Items("b"), Items(), before);
        var returned = ServedCatalogue.Build(Activity, Items("a", "b"), Items(), dropped);

        Assert.Equal([2, 3], Explored(before));
        Assert.Equal([3], Explored(dropped));
        Assert.Equal([2, 3], Explored(returned));
    }

    private static int[] Explored(ServedCatalogue catalogue) =>
        [.. ExplorationCandidates.Create(catalogue, cutOffDays: 1).Items.Where(item => item >= catalogue.ModelItemCount)];

    private static EntityData Items(params string[] ids) => new()
    {
        Ids = ids,
        FromBulkImport = new bool[ids.Length],
        Columns = new Dictionary<string, EntityColumn>(StringComparer.OrdinalIgnoreCase),
    };
}
