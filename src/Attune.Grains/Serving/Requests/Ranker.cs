using Attune.Contracts.Serving;
using Attune.Filters;
using Attune.Grains.Serving.Shards;

namespace Attune.Grains.Serving;

/// <summary>
/// GetPersonalizedRanking: the inputList items the filter allows, by score (softmax over those items only; ties
/// keep input order), then the items the model does not know, unscored, in input order. The shards score the
/// listed items (each the ones it holds). A runtime context raises the listed items it favours before the softmax.
/// </summary>
internal static class Ranker
{
    public static async Task<List<PredictedItem>> RankAsync(ScoringPass pass, IReadOnlyList<string> inputList, BoundFilter? filter, IModelShards shards,
        IReadOnlyDictionary<string, string>? context = null)
    {
        var allowed = pass.Evaluate(filter, pass.Scratch.Allowed);
        var served = pass.Served;
        var catalogue = pass.Catalogue;
        var listed = new List<(int Item, int Position)>(inputList.Count);
        var unknown = new List<PredictedItem>();
        for (int position = 0; position < inputList.Count; position++)
        {
            var id = inputList[position];
            if (!catalogue.ItemIndex.TryGetValue(id, out var item) || item >= served.ItemCount)
            {
                unknown.Add(new PredictedItem(id, -1, null, null, null, new ItemExplanation(ExplanationBasis.UnknownItem)));
            }
            else if (allowed is null || allowed.Contains(item))
            {
                listed.Add((item, position));
            }
        }
        var query = await ShardQueries.ScoringAsync(pass, shards) with { ScoredItems = [.. listed.Select(l => l.Item)] };
        var merged = new MergedSelection(await shards.SelectAsync(served, query));
        pass.UseScores(merged.Basis, 0);
        var known = new List<(int Item, int Position, float Raw)>(listed.Count);
        for (int at = 0; at < listed.Count; at++)
        {
            var (item, position) = listed[at];
            // A cold user's softmax over log(1 + popularity) is each item's share of the list's popularity.
            float raw = pass.Basis == ScoreBasis.History ? merged.ScoredItem(at) : MathF.Log(1 + Math.Max(0, served.Model.Popularity[item]));
            known.Add((item, position, raw));
        }
        var boost = ContextBoost.Of(served.Model, context);
        float best = known.Count == 0 ? 0 : known.Max(k => k.Raw);
        var lifted = new HashSet<int>();
        for (int at = 0; boost is not null && at < known.Count; at++)
        {
            float bonus = boost.Bonus(known[at].Item, best);
            if (bonus > 0)
            {
                known[at] = known[at] with { Raw = known[at].Raw + bonus };
                lifted.Add(known[at].Item);
            }
        }
        known.Sort((a, b) => a.Raw != b.Raw ? b.Raw.CompareTo(a.Raw) : a.Position.CompareTo(b.Position));
        double logNormalizer = LogSumExp(known);
        var ranked = new List<PredictedItem>(known.Count + unknown.Count);
        foreach (var (item, _, raw) in known)
        {
            var explanation = Recommender.BasisExplanation(pass);
            ranked.Add(new PredictedItem(catalogue.ItemIds[item], item, Math.Exp(raw - logNormalizer), null, null,
                lifted.Contains(item) ? explanation with { Context = boost!.Matched } : explanation));
        }
        await Recommender.ExplainAsync(pass, ranked, shards);
        ranked.AddRange(unknown);
        return ranked;
    }

    private static double LogSumExp(List<(int Item, int Position, float Raw)> known)
    {
        if (known.Count == 0)
        {
            return 0;
        }
        double max = known[0].Raw;
        double sum = 0;
        foreach (var entry in known)
        {
            sum += Math.Exp(entry.Raw - max);
        }
        return max + Math.Log(sum);
    }
}
