using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Models;

namespace Attune.Recipes.Tests;

/// <summary>
/// Runtime context: items popular on DEVICE=mobile rise for a mobile request and those popular on desktop for a desktop
/// one; unknown columns and values change nothing; the lifts survive the artifact, and version 1 artifacts still read.
/// </summary>
public sealed class ContextLiftTests
{
    /// <summary>
    /// 60 users each see the shared items s0..s3 and then two of the "m" items on mobile or two of the "d" items on
    /// desktop; m* and d* are equally popular overall, so without context they tie and only the context can order them.
    /// </summary>
    private static InteractionData DeviceData()
    {
        var data = new TestData();
        var devices = new List<string?>();
        long time = 1;
        for (int u = 0; u < 60; u++)
        {
            bool mobile = u % 2 == 0;
            for (int s = 0; s < 4; s++)
            {
                data.Add($"u{u}", $"s{s}", time++);
                devices.Add(mobile ? "mobile" : "desktop");
            }
            for (int k = 0; k < 2; k++)
            {
                data.Add($"u{u}", $"{(mobile ? "m" : "d")}{(u / 2 + k) % 5}", time++);
                devices.Add(mobile ? "mobile" : "desktop");
            }
        }
        return data.Build() is var built ? Contextual(built, new ContextColumn("DEVICE", [.. devices])) : null!;
    }

    private static InteractionData Contextual(InteractionData data, params ContextColumn[] columns) =>
        new(data.Users, data.Items, data.Timestamps, data.EventTypes, data.EventValues, data.UserIds, data.ItemIds, data.EventTypeNames)
        {
            Contexts = columns,
        };

    private static RecommendationModel Train(InteractionData data, string recipe = "aws-user-personalization")
    {
        var definition = RecipeCatalog.Find(recipe)!;
        return definition.Train(data, EventSettings.Default, definition.HyperParameters(new Dictionary<string, string> { ["model"] = "item_knn" }),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_device_context_raises_the_items_popular_on_that_device()
    {
        var data = DeviceData();
        var model = Train(data);
        var history = data.History("s0", "s1", "s2", "s3");
        bool Unseen(int item) => !history.Items.Span.Contains(item);

        var mobile = model.Recommend(history, 5, Unseen, new Dictionary<string, string> { ["DEVICE"] = "mobile" });
        var desktop = model.Recommend(history, 5, Unseen, new Dictionary<string, string> { ["DEVICE"] = "desktop" });

        Assert.NotNull(model.Context);
        Assert.True(mobile.Select(s => data.Id(s.Item)).Count(id => id.StartsWith('m')) >= 4, string.Join(",", mobile.Select(s => data.Id(s.Item))));
        Assert.True(desktop.Select(s => data.Id(s.Item)).Count(id => id.StartsWith('d')) >= 4, string.Join(",", desktop.Select(s => data.Id(s.Item))));
        Assert.InRange(mobile.Sum(s => s.Score), 0, 1.0001);
    }

    [Fact]
    public void Unknown_context_columns_and_values_change_nothing()
    {
        var data = DeviceData();
        var model = Train(data);
        var history = data.History("s0", "m1");
        var plain = model.Recommend(history, 8);

        foreach (var context in new[] { new Dictionary<string, string> { ["LOCATION"] = "mobile" }, new Dictionary<string, string> { ["DEVICE"] = "tv" } })
        {
            Assert.Equal(plain, model.Recommend(history, 8, context: context));
        }
    }

    [Fact]
    public void Ranking_orders_the_input_list_by_the_context()
    {
        var data = DeviceData();
        var model = Train(data, "aws-personalized-ranking");
        int[] list = [data.Item("m0"), data.Item("d0")];

        var ranked = model.Rank(data.History("s0"), list, new Dictionary<string, string> { ["DEVICE"] = "desktop" });

        Assert.Equal("d0", data.Id(ranked[0].Item));
    }

    [Fact]
    public void Context_lifts_survive_the_artifact_and_version_1_artifacts_still_read()
    {
        var data = DeviceData();
        var model = Train(data);
        var history = data.History("s2");
        var desktop = new Dictionary<string, string> { ["DEVICE"] = "desktop" };

        var reread = ModelArtifacts.Read(ModelArtifacts.Write(model), HeldItems.All, keepItemIds: true);
        Assert.Equal(model.Recommend(history, 6, context: desktop), reread.Recommend(history, 6, context: desktop));

        // Version 1 = version 2 without the context section (an empty one is a single 0 after the basis).
        model.Context = null;
        var current = ModelArtifacts.Write(model);
        using var basis = new MemoryStream();
        using (var writer = new BinaryWriter(basis))
        {
            model.Basis.Write(writer);
        }
        int contextAt = 12 + basis.ToArray().Length;
        byte[] old = [.. current[..4], .. BitConverter.GetBytes(1), .. current[8..contextAt], .. current[(contextAt + 4)..]];
        var fromOld = ModelArtifacts.Read(old, HeldItems.All, keepItemIds: true);
        Assert.Null(fromOld.Context);
        Assert.Equal(model.Recommend(history, 6), fromOld.Recommend(history, 6, context: desktop));
    }
}
