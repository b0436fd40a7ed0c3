using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// History-based scoring: score(j) = Σ_h w_h · S[h, j] + β Σ_{t &lt; window} decay^t · c_t · T[last_t, j], where S is an
/// item-item weight matrix (EASE or cosine neighbours), T the next-item transition matrix, w_h the event
/// confidence c times a recency factor. New events change the scores immediately, without retraining.
/// </summary>
public sealed class NeighborhoodModel : RecommendationModel
{
    private readonly SparseRows? _similarity;
    private readonly SparseRows? _related;
    private readonly SparseRows? _transitions;
    private readonly float _maxPopularity;

    // Request-time scratch, reused per thread so scoring allocates nothing on the hot path.
    [ThreadStatic]
    private static Dictionary<int, float>? _weightsScratch;

    [ThreadStatic]
    private static List<(int Item, float Confidence)>? _newestFirstScratch;

    public NeighborhoodModel(ModelBasis basis, NeighborhoodSettings settings, SparseRows? similarity, SparseRows? related,
        SparseRows? transitions)
        : base(basis)
    {
        Settings = settings;
        _similarity = similarity;
        _related = related;
        _transitions = transitions;
        _maxPopularity = basis.Popularity.Length == 0 ? 1 : Math.Max(1, basis.Popularity.Max());
    }

    /// <summary>A column slice: the matrices hold only the entries of <paramref name="held"/> items' columns.</summary>
    private NeighborhoodModel(ModelBasis basis, NeighborhoodSettings settings, SparseRows? similarity, SparseRows? related,
        SparseRows? transitions, HeldItems held)
        : this(basis, settings, similarity, related, transitions)
    {
        Held = held;
    }

    public override ModelKind Kind => ModelKind.Neighborhood;

    public NeighborhoodSettings Settings { get; }

    public override bool HasItemRelations => _related is not null;

    public override long PayloadBytes => (_similarity?.Bytes ?? 0) + (ReferenceEquals(_related, _similarity) ? 0 : _related?.Bytes ?? 0) + (_transitions?.Bytes ?? 0);

    protected override bool ScoreHistory(in ModelHistory history, Span<float> scores) => ScoreHistoryRange(history, default, 0, scores);

    protected override bool ScoreHistoryRange(in ModelHistory history, ReadOnlySpan<float> queryVector, int start, Span<float> scores)
    {
        scores.Clear();
        var (weights, newestFirst) = CollectWeights(history);
        if (weights.Count == 0)
        {
            return false;
        }

        if (_similarity is not null)
        {
            foreach (var (item, weight) in weights)
            {
                _similarity.AddRowTo(item, weight, scores, start);
            }
        }

        if (_transitions is not null && Settings.TransitionWeight > 0)
        {
            float weight = Settings.TransitionWeight;
            foreach (var (item, confidence) in newestFirst)
            {
                _transitions.AddRowTo(item, weight * confidence, scores, start);
                weight *= Settings.TransitionDecay;
            }
        }

        return true;
    }

    /// <summary>The same terms as <see cref="ScoreHistory"/>, kept per (history item, scored item) instead of summed.</summary>
    public override void TopContributors(in ModelHistory history, ReadOnlySpan<int> items, int perItem, Span<int> contributors)
    {
        var tally = Contributions.Rent(ItemCount, items, history.Length);
        AddContributions(history, tally, 1);
        tally.WriteTop(perItem, contributors);
    }

    /// <summary>Adds each history item's part of the asked-for items' scores, times <paramref name="scale"/>, to the tally.</summary>
    internal void AddContributions(in ModelHistory history, Contributions tally, float scale)
    {
        var (weights, newestFirst) = CollectWeights(history);
        if (_similarity is not null)
        {
            foreach (var (item, weight) in weights)
            {
                tally.AddRow(_similarity, item, scale * weight);
            }
        }

        if (_transitions is not null && Settings.TransitionWeight > 0)
        {
            float weight = Settings.TransitionWeight;
            foreach (var (item, confidence) in newestFirst)
            {
                tally.AddRow(_transitions, item, scale * weight * confidence);
                weight *= Settings.TransitionDecay;
            }
        }
    }

    protected override bool ScoreRelated(int item, Span<float> scores) => ScoreRelatedRange(item, default, 0, scores);

    protected override bool ScoreRelatedRange(int item, ReadOnlySpan<float> itemVector, int start, Span<float> scores)
    {
        if (_related is null || _related.IsRowEmpty(item))
        {
            return false;
        }

        // Unrelated items rank after related ones, by popularity.
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = -1 + (Popularity[start + i] / _maxPopularity / 2);
        }

        var columns = _related.ColumnsOf(item);
        var values = _related.ValuesOf(item);
        for (int i = 0; i < columns.Length; i++)
        {
            int at = columns[i] - start;
            if ((uint)at < (uint)scores.Length)
            {
                scores[at] = values[i];
            }
        }

        return true;
    }

    protected internal override void WritePayload(BinaryWriter writer)
    {
        Settings.Write(writer);
        WriteOptional(writer, _similarity);
        writer.Write(ReferenceEquals(_related, _similarity));
        if (!ReferenceEquals(_related, _similarity))
        {
            WriteOptional(writer, _related);
        }

        WriteOptional(writer, _transitions);
    }

    internal static NeighborhoodModel Read(BinaryReader reader, ModelBasis basis, HeldItems held)
    {
        bool whole = held == HeldItems.All(basis.Popularity.Length);
        var settings = NeighborhoodSettings.Read(reader);
        var similarity = ReadOptional(reader, held, whole);
        var related = reader.ReadBoolean() ? similarity : ReadOptional(reader, held, whole);
        var transitions = ReadOptional(reader, held, whole);
        return whole
            ? new NeighborhoodModel(basis, settings, similarity, related, transitions)
            : new NeighborhoodModel(basis, settings, similarity, related, transitions, held);
    }

    /// <summary>Recency- and confidence-weighted distinct history items, and the newest few for the transition term.</summary>
    private (Dictionary<int, float> Weights, List<(int Item, float Confidence)> NewestFirst) CollectWeights(in ModelHistory history)
    {
        var items = history.Items.Span;
        var weights = _weightsScratch ??= [];
        var newestFirst = _newestFirstScratch ??= [];
        weights.Clear();
        newestFirst.Clear();
        float decayPerStep = Settings.RecencyHalfLife > 0 ? MathF.Pow(0.5f, 1 / Settings.RecencyHalfLife) : 1;
        float recency = 1;
        for (int position = items.Length - 1; position >= 0; position--)
        {
            int item = items[position];
            float confidence = HistoryConfidence(history, position);
            if ((uint)item >= (uint)ItemCount || confidence <= 0)
            {
                continue;
            }

            float weight = confidence * recency;
            if (!weights.TryGetValue(item, out float existing))
            {
                weights[item] = weight;
                recency *= decayPerStep;
                if (newestFirst.Count < Settings.TransitionWindow)
                {
                    newestFirst.Add((item, confidence));
                }
            }
            else if (weight > existing)
            {
                weights[item] = weight;
            }
        }

        return (weights, newestFirst);
    }

    private static void WriteOptional(BinaryWriter writer, SparseRows? rows)
    {
        writer.Write(rows is not null);
        rows?.Write(writer);
    }

    /// <summary>A matrix, its held columns, or (holding no items: a campaign's head) nothing: read past.</summary>
    private static SparseRows? ReadOptional(BinaryReader reader, HeldItems held, bool whole)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        if (held.Length == 0)
        {
            SparseRows.Skip(reader);
            return null;
        }

        return whole ? SparseRows.Read(reader) : SparseRows.ReadColumns(reader, held);
    }
}
