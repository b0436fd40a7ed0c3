using System.Buffers;
using System.Numerics.Tensors;
using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// A trained model over a fixed item index. Scores come from the user's history (folded in at request time,
/// no retraining); an empty history scores by popularity. Subclasses implement the raw scoring.
/// </summary>
public abstract class RecommendationModel
{
    protected RecommendationModel(ModelBasis basis)
    {
        Basis = basis;
        Held = HeldItems.All(basis.Popularity.Length);
    }

    public abstract ModelKind Kind { get; }

    public ModelBasis Basis { get; }

    public int ItemCount => Basis.Popularity.Length;

    /// <summary>How training chose this model (a blend's weights and validation score), for logs and benchmarks; not persisted.</summary>
    public string? TrainingNote { get; internal set; }

    /// <summary>What runtime contexts (contextual metadata column → value) add to the raw scores; null when training had none.</summary>
    public ContextLift? Context { get; internal set; }

    /// <summary>Item id of each index.</summary>
    public IReadOnlyList<string> ItemIds => Basis.ItemIds;

    /// <summary>Fallback scores for cold users and unknown items (training popularity; trending scores for trending).</summary>
    public float[] Popularity => Basis.Popularity;

    /// <summary>Event filtering and weights used in training; applied to request-time histories too.</summary>
    public EventWeighting Events => Basis.Events;

    /// <summary>True when <see cref="ScoreSimilar"/> uses learned item relations (otherwise it is popularity).</summary>
    public virtual bool HasItemRelations => false;

    /// <summary>Raw preference scores for every item (higher is better); writes ItemCount values.</summary>
    public void Score(in ModelHistory history, Span<float> scores) => TryScore(history, scores);

    /// <summary>Like <see cref="Score"/>; false when nothing in the history was usable and the scores are popularity.</summary>
    public bool TryScore(in ModelHistory history, Span<float> scores)
    {
        CheckHeld(0, ItemCount);
        if (history.Length == 0 || !ScoreHistory(history, scores))
        {
            Popularity.CopyTo(scores);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The items whose part of the model this instance holds: all for a whole model, one shard's range for a slice
    /// read with <see cref="ModelSerializer.Read(Stream, Func{int, HeldItems}, bool)"/>, none for a campaign's head.
    /// </summary>
    public HeldItems Held { get; protected init; }

    /// <summary>Bytes of the model's payload this instance holds (matrices, vectors), beyond the basis.</summary>
    public virtual long PayloadBytes => 0;

    /// <summary>Length of the item vectors a query needs gathered from the slices (factor models); 0 when none.</summary>
    public virtual int VectorSize => 0;

    /// <summary>
    /// <see cref="TryScore"/> restricted to the items [<paramref name="start"/>, start + scores.Length), which this
    /// instance must hold: the same values and the same answer, so S shards scoring their ranges together equal one
    /// full scoring. A slice of a factor model needs the user's <paramref name="queryVector"/> (see
    /// <see cref="QueryVector"/>); a whole model folds it in itself when it is empty.
    /// </summary>
    public bool TryScoreRange(in ModelHistory history, int start, Span<float> scores, ReadOnlySpan<float> queryVector = default)
    {
        CheckHeld(start, scores.Length);
        if (history.Length == 0 || !ScoreHistoryRange(history, queryVector, start, scores))
        {
            Popularity.AsSpan(start, scores.Length).CopyTo(scores);
            return false;
        }

        return true;
    }

    /// <summary>
    /// <see cref="TryScoreSimilar"/> restricted to held items [<paramref name="start"/>, start + scores.Length). A slice
    /// of a factor model needs the related item's vector (<paramref name="itemVector"/>) when another slice holds it.
    /// </summary>
    public bool TryScoreSimilarRange(int item, int start, Span<float> scores, ReadOnlySpan<float> itemVector = default)
    {
        CheckHeld(start, scores.Length);
        if ((uint)item >= (uint)ItemCount || !ScoreRelatedRange(item, itemVector, start, scores))
        {
            Popularity.AsSpan(start, scores.Length).CopyTo(scores);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The items whose vectors <see cref="QueryVector"/> needs for this history (distinct, usable ones); none for
    /// models that score from the history itself.
    /// </summary>
    public virtual int[] QueryVectorItems(in ModelHistory history) => [];

    /// <summary>Copies a held item's vector; false when the item is not held or the model has no item vectors.</summary>
    public virtual bool TryCopyVector(int item, Span<float> vector) => false;

    /// <summary>
    /// The vector that scores the history on every slice (a factor model's folded-in user vector), from the gathered
    /// vectors of <see cref="QueryVectorItems"/>; null for models that score from the history itself.
    /// </summary>
    public virtual float[]? QueryVector(in ModelHistory history, VectorOf vectorOf) => null;

    /// <summary>Raw similarity of every item to <paramref name="item"/>; popularity for unknown or unrelated items.</summary>
    public void ScoreSimilar(int item, Span<float> scores) => TryScoreSimilar(item, scores);

    /// <summary>Like <see cref="ScoreSimilar"/>; false when the scores are popularity (unknown or unrelated item).</summary>
    public bool TryScoreSimilar(int item, Span<float> scores)
    {
        CheckHeld(0, ItemCount);
        if ((uint)item >= (uint)ItemCount || !ScoreRelated(item, scores))
        {
            Popularity.CopyTo(scores);
            return false;
        }

        return true;
    }

    private void CheckHeld(int start, int length)
    {
        if (!Held.Covers(start, length))
        {
            throw new InvalidOperationException($"Items [{start}, {start + length}) are not all in this model's held items [{Held.Start}, {Held.End}).");
        }
    }

    /// <summary>
    /// Explains history-based scores: for each of <paramref name="items"/> (held ones), writes the history items (indices) that
    /// added most to its score, best first, <paramref name="perItem"/> slots per item, -1 where none.
    /// </summary>
    public virtual void TopContributors(in ModelHistory history, ReadOnlySpan<int> items, int perItem, Span<int> contributors)
        => contributors[..(items.Length * perItem)].Fill(-1);

    /// <summary>
    /// The best <paramref name="count"/> items for the history, with Personalize's score: the softmax of the raw
    /// score over the whole catalogue. A <paramref name="context"/> raises the items it favours (<see cref="Context"/>).
    /// </summary>
    public IReadOnlyList<ScoredItem> Recommend(in ModelHistory history, int count, Func<int, bool>? isCandidate = null,
        IReadOnlyDictionary<string, string>? context = null)
    {
        var scores = new float[ItemCount];
        Score(history, scores);
        Context?.Apply(context, scores);
        int[] top = TopK.Select(scores, count, isCandidate);
        float logNormalizer = LogSumExp(scores);
        return [.. top.Select(i => new ScoredItem(i, MathF.Exp(scores[i] - logNormalizer)))];
    }

    /// <summary>Items related to <paramref name="item"/> (raw similarity scores; the item itself excluded).</summary>
    public IReadOnlyList<ScoredItem> Similar(int item, int count, Func<int, bool>? isCandidate = null)
    {
        var scores = new float[ItemCount];
        ScoreSimilar(item, scores);
        int[] top = TopK.Select(scores, count, i => i != item && (isCandidate is null || isCandidate(i)));
        return [.. top.Select(i => new ScoredItem(i, scores[i]))];
    }

    /// <summary>
    /// Personalized ranking of <paramref name="items"/>: softmax over the input list only, in descending order.
    /// Indices outside the model (negative or ≥ ItemCount) are appended at the end with NaN scores.
    /// </summary>
    public IReadOnlyList<ScoredItem> Rank(in ModelHistory history, ReadOnlySpan<int> items, IReadOnlyDictionary<string, string>? context = null)
    {
        var scores = new float[ItemCount];
        Score(history, scores);
        Context?.Apply(context, scores);
        var known = new List<int>(items.Length);
        var unknown = new List<int>();
        foreach (int item in items)
        {
            ((uint)item < (uint)ItemCount ? known : unknown).Add(item);
        }

        var raw = known.Select(i => scores[i]).ToArray();
        float logNormalizer = LogSumExp(raw);
        var ranked = known.Select((item, at) => new ScoredItem(item, MathF.Exp(raw[at] - logNormalizer)))
            .Select((s, at) => (s, at))
            .OrderByDescending(p => p.s.Score)
            .ThenBy(p => p.at)
            .Select(p => p.s);
        return [.. ranked, .. unknown.Select(i => new ScoredItem(i, float.NaN))];
    }

    /// <summary>History confidence after the model's event weighting (0 = ignored).</summary>
    protected float HistoryConfidence(in ModelHistory history, int position)
        => Events.Confidence(history.EventTypeAt(position), history.EventValueAt(position));

    /// <summary>Scores from a non-empty history; false when nothing in it is usable (then popularity is used).</summary>
    protected abstract bool ScoreHistory(in ModelHistory history, Span<float> scores);

    /// <summary>
    /// <see cref="ScoreHistory"/> for a range of items. This default scores the whole catalogue and keeps the range;
    /// models whose scoring decomposes by item override it to do only the range's work.
    /// </summary>
    protected virtual bool ScoreHistoryRange(in ModelHistory history, ReadOnlySpan<float> queryVector, int start, Span<float> scores)
    {
        var full = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            if (!ScoreHistory(history, full.AsSpan(0, ItemCount)))
            {
                return false;
            }

            full.AsSpan(start, scores.Length).CopyTo(scores);
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(full);
        }
    }

    /// <summary>Scores related to a known item; false when the model has no relation for it.</summary>
    protected virtual bool ScoreRelated(int item, Span<float> scores) => false;

    /// <summary><see cref="ScoreRelated"/> for the held items [start, start + scores.Length).</summary>
    protected virtual bool ScoreRelatedRange(int item, ReadOnlySpan<float> itemVector, int start, Span<float> scores) => false;

    /// <summary>Writes the model-specific part of the artifact.</summary>
    protected internal abstract void WritePayload(BinaryWriter writer);

    private static float LogSumExp(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        float max = TensorPrimitives.Max(values);
        double sum = 0;
        foreach (float v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + (float)Math.Log(sum);
    }
}
