using System.Diagnostics.Metrics;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Models;

namespace Attune.Server.Observability;

/// <summary>
/// What part of its models a process holds, by part (whole models, campaigns' heads of models in slices, shard
/// slices): attune_model_items (items whose model part is held) and attune_model_bytes (payload bytes). Across a
/// cluster the slices of a sharded model add up to its items once, and no silo has to hold it whole.
/// </summary>
public sealed class ModelMemoryMetrics
{
    public ModelMemoryMetrics(IMeterFactory meterFactory, CampaignDeployments deployments, HeldSlices slices)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RequestMetrics.MeterName);
        meter.CreateObservableGauge("attune.model.items", () => Measure(deployments, slices, m => m.Held.Length),
            description: "Items whose part of a model this process holds, by part (whole, head, slice).");
        meter.CreateObservableGauge("attune.model.bytes", () => Measure(deployments, slices, m => m.PayloadBytes),
            description: "Bytes of model payload (matrices, vectors) this process holds, by part (whole, head, slice).");
    }

    private static IEnumerable<Measurement<long>> Measure(CampaignDeployments deployments, HeldSlices slices, Func<RecommendationModel, long> value)
    {
        var served = deployments.LoadedModels().Select(m => m.Model).ToList();
        yield return Part("whole", served.Where(IsWhole).Sum(value));
        yield return Part("head", served.Where(m => !IsWhole(m)).Sum(value));
        yield return Part("slice", slices.Slices.Sum(value));
    }

    private static Measurement<long> Part(string part, long value) => new(value, new KeyValuePair<string, object?>("part", part));

    private static bool IsWhole(RecommendationModel model) => model.Held.Length == model.ItemCount;
}
