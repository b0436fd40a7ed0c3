using Attune.Grains.Serving.Shards;
using Attune.Recipes.Models;

namespace Attune.Grains.Serving;

/// <summary>
/// What a request's runtime context adds: the items the model's <see cref="ContextLift"/> favours for the named
/// (column, value) pairs with their summed lifts, and those pairs for the explanation. A lift becomes a raw-score bonus
/// of weight × lift × the request's best raw score, so it means the same for every model's score scale. Null when the
/// context names nothing the model knows: unknown keys and values are ignored (Personalize documents no error for them).
/// </summary>
internal sealed class ContextBoost
{
    private readonly Dictionary<int, float> _lifts;

    private ContextBoost(Dictionary<int, float> lifts, float weight, string[] matched)
    {
        _lifts = lifts;
        Weight = weight;
        Matched = matched;
        Items = [.. lifts.Keys.Order()];
    }

    /// <summary>The favoured model items, ascending: the shards return their raw scores with the request's selection.</summary>
    public int[] Items { get; }

    /// <summary>The context pairs that matched ("DEVICE=mobile").</summary>
    public string[] Matched { get; }

    public float Weight { get; }

    public static ContextBoost? Of(RecommendationModel model, IReadOnlyDictionary<string, string>? context)
    {
        if (model.Context is not { } lift || context is null || context.Count == 0)
        {
            return null;
        }
        var lifts = new Dictionary<int, float>();
        var matched = lift.Collect(context, lifts);
        return lifts.Count == 0 ? null : new ContextBoost(lifts, lift.Weight, [.. matched]);
    }

    public bool Contains(int item) => _lifts.ContainsKey(item);

    /// <summary>The raw-score bonus of <paramref name="item"/> for requests whose best raw score is <paramref name="best"/>.</summary>
    public float Bonus(int item, float best) => _lifts.TryGetValue(item, out var lift) ? Weight * lift * Math.Max(Math.Abs(best), float.Epsilon) : 0;

    /// <summary>
    /// The catalogue softmax normalizer once the favoured items carry their bonus: log(Z + Σ e^raw (e^bonus − 1)) over the
    /// favoured items whose raw scores came back at <paramref name="offset"/> of the scored items.
    /// </summary>
    public float LogNormalizer(MergedSelection merged, int offset)
    {
        double extra = 0;
        for (int k = 0; k < Items.Length; k++)
        {
            float raw = merged.ScoredItem(offset + k);
            if (!float.IsNaN(raw))
            {
                extra += Math.Exp(raw - merged.LogNormalizer) * (Math.Exp(Bonus(Items[k], merged.Max)) - 1);
            }
        }
        return merged.LogNormalizer + (float)Math.Log(1 + extra);
    }
}
