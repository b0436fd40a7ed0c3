using Attune.Contracts.Serving;
using Attune.Contracts.Serving.Shards;
using Attune.Filters;
using Attune.Grains.Serving.Shards;

namespace Attune.Grains.Serving;

/// <summary>
/// GetRecommendations over the model's shards: each shard scores its items and returns its best for the request
/// filter and for the promotion filter; here they merge into promoted items first, then the best items with
/// exploration bonuses, a popular fill where the filter left too few personalized items, and the promoted items
/// spread over random positions in their own order. A runtime context raises the items it favours (<see cref="ContextBoost"/>):
/// the shards score them with the pool, so one that the raise lifts above the shards' best is found wherever it ranked.
/// </summary>
internal static class Recommender
{
    public static async Task<List<PredictedItem>> RecommendAsync(ScoringPass pass, RecommendationPlan plan, IModelShards shards, Random random)
    {
        var served = pass.Served;
        int count = Math.Min(plan.NumResults, pass.Catalogue.Count);
        var allowed = pass.Evaluate(plan.Filter, pass.Scratch.Allowed);
        int promotedWanted = plan.Promotion is null || count == 0
            ? 0
            : Math.Min(count, (int)Math.Round(count * plan.Promotion.PercentPromotedItems / 100.0, MidpointRounding.AwayFromZero));
        // One pool for the whole request: its scored items and their sources must match.
        var pool = pass.Exploration.Pool;
        var boost = ContextBoost.Of(served.Model, plan.Context);
        var scoring = await ShardQueries.ScoringAsync(pass, shards);
        var query = scoring with
        {
            Allowed = allowed,
            PromotionAllowed = promotedWanted > 0 ? pass.Evaluate(plan.PromotionFilter, pass.Scratch.PromotionAllowed) : null,
            ScoredItems = boost is null ? pool.ScoredItems : [.. pool.ScoredItems, .. boost.Items],
            MainCount = count,
            PromotionCount = promotedWanted,
            ExplainPerItem = NeedsExplanations(pass, scoring) ? 2 : 0,
        };
        var merged = new MergedSelection(await shards.SelectAsync(served, query));
        var boosted = boost is null ? null : new BoostedScores(boost, merged, pool.ScoredItems.Length);
        pass.UseScores(merged.Basis, merged.Basis != ScoreBasis.History ? 0 : boosted?.LogNormalizer ?? merged.LogNormalizer);

        var promoted = SelectPromoted(pass, plan, merged, promotedWanted);
        var taken = promoted.Select(p => p.Item).ToHashSet();
        if (pass.QueryItem >= 0)
        {
            taken.Add(pass.QueryItem);
        }
        int wanted = count - promoted.Count;
        var items = new List<PredictedItem>(count);
        AddRanked(pass, SelectMain(pass, pool, merged, boosted, allowed, taken, wanted, random), items, boost);
        if (pass.Basis == ScoreBasis.History && items.Count < wanted)
        {
            AddPopularFill(pass, allowed, taken, wanted - items.Count, items);
        }
        await ExplainAsync(pass, items, shards, merged);
        return promoted.Count == 0 ? items : Interleave(promoted, items, random);
    }

    /// <summary>percentPromotedItems of the results (rounded) from the promotion filter's best items, before exploration.</summary>
    private static List<PredictedItem> SelectPromoted(ScoringPass pass, RecommendationPlan plan, MergedSelection merged, int wanted)
    {
        var promoted = new List<PredictedItem>(wanted);
        foreach (var (item, raw) in merged.Promoted().Take(wanted))
        {
            promoted.Add(new PredictedItem(pass.Catalogue.ItemIds[item], item, pass.ReportedScore(item, raw),
                Reasons.Promoted, plan.Promotion!.Name, new ItemExplanation(ExplanationBasis.Promoted)));
        }
        return promoted;
    }

    /// <summary>
    /// The best <paramref name="wanted"/> of the shards' items and the pooled explored items, each explored item raised
    /// by a bonus: weight × the best score × novelty × a random factor in [0.5, 1.5), so new items surface now and then
    /// without crowding out what the user likes. An item the model does not know scores its metadata neighbours' mean.
    /// A pooled item the shards also selected is ranked once, with its bonus; so is an item the context favours, with its
    /// lift. O(numResults + pool size + favoured items).
    /// </summary>
    private static List<Ranked> SelectMain(ScoringPass pass, ExplorationPool pool, MergedSelection merged, BoostedScores? boosted,
        BitSet? allowed, HashSet<int> taken, int wanted, Random random)
    {
        var main = new List<Ranked>();
        foreach (var (item, raw) in merged.Main())
        {
            if (!taken.Contains(item) && !pool.Contains(item) && boosted?.Boost.Contains(item) != true)
            {
                main.Add(new Ranked(item, raw, 0, 0));
            }
        }
        // The shards' items come best first; the pool's are ranked apart and merged in, and only those that can beat
        // the wanted-th shard item are sorted: a request sorts a few explored items, not the pool and the shards' lists.
        float threshold = main.Count >= wanted && wanted > 0 ? main[wanted - 1].Ranking : float.NegativeInfinity;
        var explored = new List<Ranked>();
        float scale = Math.Max(Math.Abs(merged.Max), float.Epsilon);
        float weight = pass.Deployment.Settings.ExplorationWeight;
        for (int slot = 0; slot < pool.Items.Length; slot++)
        {
            float bonus = weight * scale * pool.Novelty[slot] * (0.5f + random.NextSingle());
            int item = pool.Items[slot];
            float raw = RawScore(merged, pool.Sources[slot]);
            float lift = boosted?.Bonus(item) ?? 0;
            if (!float.IsNaN(raw) && raw + bonus + lift >= threshold && (allowed is null || allowed.Contains(item)) && !taken.Contains(item))
            {
                explored.Add(new Ranked(item, raw, bonus, lift));
            }
        }
        foreach (var (item, raw, lift) in boosted?.Items() ?? [])
        {
            if (!pool.Contains(item) && raw + lift >= threshold && (allowed is null || allowed.Contains(item)) && !taken.Contains(item))
            {
                explored.Add(new Ranked(item, raw, 0, lift));
            }
        }
        explored.Sort(static (a, b) => MergedSelection.Compare((a.Item, a.Ranking), (b.Item, b.Ranking)));
        return Merge(main, explored, wanted);
    }

    /// <summary>The best <paramref name="wanted"/> of two lists that are each best first.</summary>
    private static List<Ranked> Merge(List<Ranked> first, List<Ranked> second, int wanted)
    {
        var selected = new List<Ranked>(Math.Max(0, Math.Min(wanted, first.Count + second.Count)));
        int i = 0, j = 0;
        while (selected.Count < wanted && (i < first.Count || j < second.Count))
        {
            bool takeFirst = j == second.Count
                || (i < first.Count && MergedSelection.Compare((first[i].Item, first[i].Ranking), (second[j].Item, second[j].Ranking)) <= 0);
            selected.Add(takeFirst ? first[i++] : second[j++]);
        }
        return selected;
    }

    /// <summary>The mean raw score of an explored item's stand-ins (itself, or its metadata neighbours); 0 without any.</summary>
    private static float RawScore(MergedSelection merged, int[] sources)
    {
        float sum = 0;
        int found = 0;
        foreach (var position in sources)
        {
            float score = merged.ScoredItem(position);
            if (!float.IsNaN(score))
            {
                sum += score;
                found++;
            }
        }
        return found == 0 ? 0 : sum / found;
    }

    /// <summary>
    /// The selected items with their reasons. With a history, items it gives no evidence for (score ≤ 0) are dropped
    /// here; the popular fill replaces them, as Personalize's "Popular item" placeholders do.
    /// </summary>
    private static void AddRanked(ScoringPass pass, List<Ranked> selected, List<PredictedItem> items, ContextBoost? boost)
    {
        float cut = selected.Count == 0 ? 0 : selected[^1].Ranking;
        foreach (var (item, raw, bonus, lift) in selected)
        {
            var id = pass.Catalogue.ItemIds[item];
            // The context is part of the item's score (Personalize scores with the context); exploration's bonus is not.
            float scored = raw + lift;
            // An item the model does not know is there by exploration whatever its neighbours' score.
            if (bonus > 0 && (scored < cut || item >= pass.Served.ItemCount))
            {
                items.Add(new PredictedItem(id, item, pass.ReportedScore(item, scored), Reasons.Exploration, null,
                    new ItemExplanation(ExplanationBasis.Exploration)));
            }
            else if (pass.Basis != ScoreBasis.History || scored > 0)
            {
                var explanation = BasisExplanation(pass);
                items.Add(new PredictedItem(id, item, pass.ReportedScore(item, scored), null, null,
                    lift > 0 ? explanation with { Context = boost!.Matched } : explanation));
            }
        }
    }

    private static void AddPopularFill(ScoringPass pass, BitSet? allowed, HashSet<int> taken, int missing, List<PredictedItem> items)
    {
        foreach (var item in pass.Served.PopularOrder)
        {
            if (missing == 0)
            {
                break;
            }
            if ((allowed is null || allowed.Contains(item)) && !taken.Contains(item) && !items.Exists(p => p.Item == item))
            {
                items.Add(new PredictedItem(pass.Catalogue.ItemIds[item], item, null, Reasons.Popular, null,
                    new ItemExplanation(ExplanationBasis.Popular)));
                missing--;
            }
        }
    }

    /// <summary>
    /// Whether the shards should name each main item's history contributors with their selection: on a history the
    /// user's cache has explained nothing of yet (its first request, or no room to cache it), where the answer would
    /// otherwise wait for a second fan-out. Repeat requests explain from the cache and ask for nothing.
    /// </summary>
    private static bool NeedsExplanations(ScoringPass pass, ShardQuery scoring) =>
        scoring.Scoring == ShardScoring.History && pass.Derivations?.Contributors.IsEmpty != false;

    /// <summary>
    /// Names the history items behind each history-based item (two at most), reusing the user's cached ones and those
    /// that came with the shards' selection; asks the shards only about the rest.
    /// </summary>
    internal static async Task ExplainAsync(ScoringPass pass, List<PredictedItem> items, IModelShards shards, MergedSelection? selection = null)
    {
        var known = pass.Derivations?.Contributors;
        bool Unexplained(PredictedItem p) => IsHistory(p) && known?.ContainsKey(p.Item) != true;
        var found = new Dictionary<int, (int First, int Second)>();
        foreach (var item in items.Where(Unexplained).ToList())
        {
            if (selection?.TryGetContributors(item.Item, out var pair) == true)
            {
                found[item.Item] = pair;
                known?.TryAdd(item.Item, pair);
            }
        }
        var missing = items.Where(p => Unexplained(p) && !found.ContainsKey(p.Item)).Select(p => p.Item).ToArray();
        if (missing.Length > 0)
        {
            var contributors = await shards.ContributorsAsync(pass.Served, pass.ShardRequestHistory, missing, 2);
            for (int i = 0; i < missing.Length; i++)
            {
                found[missing[i]] = (contributors[i * 2], contributors[(i * 2) + 1]);
                known?.TryAdd(missing[i], found[missing[i]]);
            }
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (IsHistory(items[i]) && (found.TryGetValue(items[i].Item, out var pair) || known!.TryGetValue(items[i].Item, out pair)))
            {
                items[i] = items[i] with { Explanation = items[i].Explanation with { First = pair.First, Second = pair.Second } };
            }
        }
    }

    private static bool IsHistory(PredictedItem item) => item.Explanation.Basis == ExplanationBasis.History && item.Item >= 0;

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

    /// <summary>A candidate with its raw score, exploration bonus and context lift; ranked by their sum.</summary>
    private readonly record struct Ranked(int Item, float Raw, float Bonus, float Lift)
    {
        public float Ranking => Raw + Bonus + Lift;
    }

    /// <summary>A request's <see cref="ContextBoost"/> against its merged selection (the favoured items' raw scores follow the pool's).</summary>
    private sealed class BoostedScores(ContextBoost boost, MergedSelection merged, int offset)
    {
        public ContextBoost Boost => boost;

        public float LogNormalizer => boost.LogNormalizer(merged, offset);

        public float Bonus(int item) => boost.Bonus(item, merged.Max);

        /// <summary>The favoured items the shards scored, with their raw score and bonus.</summary>
        public IEnumerable<(int Item, float Raw, float Lift)> Items()
        {
            for (int k = 0; k < boost.Items.Length; k++)
            {
                float raw = merged.ScoredItem(offset + k);
                if (!float.IsNaN(raw))
                {
                    yield return (boost.Items[k], raw, Bonus(boost.Items[k]));
                }
            }
        }
    }
}
