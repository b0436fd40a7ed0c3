using Attune.Filters;

namespace Attune.Grains.Serving;

/// <summary>
/// GetRecommendations over one scoring pass: promoted items first (their own filter), then the request filter's
/// best items with exploration bonuses, a popular fill where the filter left too few personalized items, and the
/// promoted items spread over random positions in their own order.
/// </summary>
internal static class Recommender
{
    public static List<PredictedItem> Recommend(ScoringPass pass, RecommendationPlan plan, int shards, Random random)
    {
        int itemCount = pass.Served.ItemCount;
        int count = Math.Min(plan.NumResults, itemCount);
        pass.Score();
        var allowed = pass.Evaluate(plan.Filter, pass.Scratch.Allowed);
        if (pass.QueryItem >= 0)
        {
            pass.Exclude(pass.QueryItem);
        }

        var promoted = SelectPromoted(pass, plan, count, shards);
        var bonuses = pass.AddExploration(random);
        int wanted = count - promoted.Count;
        var main = Select(pass, new Candidates(allowed, pass.Excluded), wanted, shards);
        var items = new List<PredictedItem>(count);
        AddRanked(pass, main, bonuses, items);
        if (pass.Basis == ScoreBasis.History && items.Count < wanted)
        {
            AddPopularFill(pass, allowed, wanted - items.Count, items);
        }
        Explain(pass, items);
        return promoted.Count == 0 ? items : Interleave(promoted, items, random);
    }

    /// <summary>percentPromotedItems of the results (rounded) from the promotion filter's best items, before exploration.</summary>
    private static List<PredictedItem> SelectPromoted(ScoringPass pass, RecommendationPlan plan, int count, int shards)
    {
        if (plan.Promotion is null || count == 0)
        {
            return [];
        }
        int wanted = Math.Min(count, (int)Math.Round(count * plan.Promotion.PercentPromotedItems / 100.0, MidpointRounding.AwayFromZero));
        var promotionAllowed = pass.Evaluate(plan.PromotionFilter, pass.Scratch.PromotionAllowed);
        var promoted = new List<PredictedItem>(wanted);
        foreach (var item in Select(pass, new Candidates(promotionAllowed, pass.Excluded), wanted, shards))
        {
            pass.Exclude(item);
            promoted.Add(new PredictedItem(pass.Served.Model.ItemIds[item], item, pass.ReportedScore(item, pass.Scores[item]),
                Reasons.Promoted, plan.Promotion.Name, new ItemExplanation(ExplanationBasis.Promoted)));
        }
        return promoted;
    }

    private static int[] Select(ScoringPass pass, Candidates candidates, int count, int shards)
    {
        if (count <= 0)
        {
            return [];
        }
        var top = new int[count];
        int found = ShardedTopK.Select(pass.Scores, pass.Served.ItemCount, candidates, shards, top, pass.Scratch.ShardTop(shards * count));
        return found == count ? top : top[..found];
    }

    /// <summary>
    /// The selected items with their reasons. With a history, items it gives no evidence for (score ≤ 0) are dropped
    /// here; the popular fill replaces them, as Personalize's "Popular item" placeholders do.
    /// </summary>
    private static void AddRanked(ScoringPass pass, int[] selected, float[] bonuses, List<PredictedItem> items)
    {
        var exploration = pass.Deployment.Exploration;
        float cut = selected.Length == 0 ? 0 : pass.Scores[selected[^1]];
        foreach (var item in selected)
        {
            int slot = exploration.SlotOf(item);
            float raw = pass.Scores[item] - (slot >= 0 ? bonuses[slot] : 0);
            var id = pass.Served.Model.ItemIds[item];
            if (slot >= 0 && bonuses[slot] > 0 && raw < cut)
            {
                items.Add(new PredictedItem(id, item, pass.ReportedScore(item, raw), Reasons.Exploration, null,
                    new ItemExplanation(ExplanationBasis.Exploration)));
            }
            else if (pass.Basis != ScoreBasis.History || raw > 0)
            {
                items.Add(new PredictedItem(id, item, pass.ReportedScore(item, raw), null, null, BasisExplanation(pass)));
            }
        }
    }

    private static void AddPopularFill(ScoringPass pass, BitSet? allowed, int missing, List<PredictedItem> items)
    {
        var candidates = new Candidates(allowed, pass.Excluded);
        foreach (var item in pass.Served.PopularOrder)
        {
            if (missing == 0)
            {
                break;
            }
            if (candidates.Contains(item) && !items.Exists(p => p.Item == item))
            {
                items.Add(new PredictedItem(pass.Served.Model.ItemIds[item], item, null, Reasons.Popular, null,
                    new ItemExplanation(ExplanationBasis.Popular)));
                missing--;
            }
        }
    }

    /// <summary>Names the history items behind each history-based item (two at most).</summary>
    internal static void Explain(ScoringPass pass, List<PredictedItem> items)
    {
        var explained = items.Where(p => p.Explanation.Basis == ExplanationBasis.History && p.Item >= 0).Select(p => p.Item).ToArray();
        if (explained.Length == 0)
        {
            return;
        }
        var contributors = new int[explained.Length * 2];
        pass.Served.Model.TopContributors(pass.History, explained, 2, contributors);
        int next = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Explanation.Basis == ExplanationBasis.History && items[i].Item >= 0)
            {
                items[i] = items[i] with { Explanation = new ItemExplanation(ExplanationBasis.History, contributors[next * 2], contributors[(next * 2) + 1]) };
                next++;
            }
        }
    }

    internal static ItemExplanation BasisExplanation(ScoringPass pass) => pass.Basis switch
    {
        ScoreBasis.History => new ItemExplanation(ExplanationBasis.History),
        ScoreBasis.Related => new ItemExplanation(ExplanationBasis.SimilarItem, pass.QueryItem),
        ScoreBasis.Trending => new ItemExplanation(ExplanationBasis.Trending),
        _ => new ItemExplanation(ExplanationBasis.Popular),
    };

    /// <summary>Promoted items at random positions among the others, each list keeping its own order.</summary>
    private static List<PredictedItem> Interleave(List<PredictedItem> promoted, List<PredictedItem> others, Random random)
    {
        int total = promoted.Count + others.Count;
        var positions = new bool[total];
        for (int placed = 0; placed < promoted.Count;)
        {
            int at = random.Next(total);
            if (!positions[at])
            {
                positions[at] = true;
                placed++;
            }
        }
        var merged = new List<PredictedItem>(total);
        int nextPromoted = 0;
        int nextOther = 0;
        for (int at = 0; at < total; at++)
        {
            merged.Add(positions[at] ? promoted[nextPromoted++] : others[nextOther++]);
        }
        return merged;
    }
}
