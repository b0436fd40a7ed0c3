using Attune.Recipes.Catalog;
using Attune.Recipes.Data;

namespace Attune.Recipes.Tests;

public sealed class EventWeightingTests
{
    private static readonly string[] Types = ["purchase", "view", "click"];

    [Fact]
    public void Events_config_keeps_listed_types_with_their_weight_and_threshold()
    {
        var settings = new EventSettings
        {
            EventParameters = [new EventParameters("purchase", 2, 1), new EventParameters("view", null, 0.5)],
        };
        var weighting = EventWeighting.Create(settings, Types);

        Assert.Equal(0, weighting.Confidence(0, 1));
        Assert.Equal(1, weighting.Confidence(0, 3));
        Assert.Equal(0.5f, weighting.Confidence(1, float.NaN));
        Assert.Equal(0, weighting.Confidence(2, 5));
        Assert.Equal(0, weighting.Confidence(-1, 5));
    }

    [Fact]
    public void Global_threshold_drops_null_values_and_value_weighting_scales_confidence()
    {
        var weighting = EventWeighting.Create(new EventSettings { EventValueThreshold = 2, ValueWeighting = EventValueWeighting.Linear }, Types);

        Assert.Equal(0, weighting.Confidence(2, float.NaN));
        Assert.Equal(0, weighting.Confidence(2, 1.5f));
        Assert.Equal(4, weighting.Confidence(2, 4));
    }

    [Fact]
    public void Hyperparameters_map_event_type_weights_and_accept_service_prefixes()
    {
        var recipe = RecipeCatalog.Find("aws-user-personalization")!;
        var hyperParameters = recipe.HyperParameters(new Dictionary<string, string>
        {
            ["event_type_weights"] = "purchase:1, view:0.25",
            ["event_value_weighting"] = "log",
            ["training.bptt"] = "7",
        });

        var settings = hyperParameters.ApplyEventWeights(EventSettings.Default);

        Assert.Equal(7, hyperParameters.Int("bptt", 1, 32));
        Assert.Equal(EventValueWeighting.Log, settings.ValueWeighting);
        Assert.Equal([("purchase", 1.0), ("view", 0.25)], settings.EventParameters.Select(p => (p.EventType, p.Weight)));
    }
}
