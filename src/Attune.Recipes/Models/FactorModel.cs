using System.Numerics.Tensors;
using Attune.Recipes.Algorithms;
using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// Implicit-feedback latent factors (iALS). The user vector is not stored: it is folded in from the history at
/// request time by solving (VᵀV + α Σ c_h v_h v_hᵀ + λI) x = Σ (1 + α c_h) v_h, so new events count at once.
/// Spread over silos, a campaign's head keeps VᵀV and folds in from vectors gathered from the slices, which keep
/// their items' vectors and score them with the user vector they are sent.
/// </summary>
public sealed class FactorModel : RecommendationModel
{
    // Rows of the held items only (item i at row i - Held.Start).
    private readonly float[] _itemFactors;

    // VᵀV over every item; empty in a shard's slice, which never folds in itself.
    private readonly float[] _gram;
    private readonly float[] _norms;

    public FactorModel(ModelBasis basis, int factors, float[] itemFactors, float regularization, float alpha)
        : this(basis, factors, HeldItems.All(basis.Popularity.Length), itemFactors, DenseMath.Gram(itemFactors, factors), regularization, alpha)
    {
    }

    private FactorModel(ModelBasis basis, int factors, HeldItems held, float[] heldFactors, float[] gram, float regularization, float alpha)
        : base(basis)
    {
        Held = held;
        Factors = factors;
        _itemFactors = heldFactors;
        Regularization = regularization;
        Alpha = alpha;
        _gram = gram;
        _norms = new float[held.Length];
        for (int i = 0; i < _norms.Length; i++)
        {
            _norms[i] = TensorPrimitives.Norm(_itemFactors.AsSpan(i * factors, factors));
        }
    }

    public override ModelKind Kind => ModelKind.Factor;

    public override bool HasItemRelations => true;

    public override int VectorSize => Factors;

    public override long PayloadBytes => ((long)_itemFactors.Length + _gram.Length + _norms.Length) * sizeof(float);

    public int Factors { get; }

    public float Regularization { get; }

    public float Alpha { get; }

    /// <summary>A held item's vector; empty for items another slice holds.</summary>
    public ReadOnlySpan<float> ItemVector(int item)
        => Held.Contains(item) ? _itemFactors.AsSpan((item - Held.Start) * Factors, Factors) : [];

    public override bool TryCopyVector(int item, Span<float> vector)
    {
        var held = ItemVector(item);
        held.CopyTo(vector);
        return !held.IsEmpty;
    }

    /// <summary>The user's vector from its history (zero when nothing usable).</summary>
    public float[] FoldIn(in ModelHistory history) => FoldIn(history, ItemVector);

    public override int[] QueryVectorItems(in ModelHistory history)
    {
        var items = new HashSet<int>();
        var span = history.Items.Span;
        for (int position = 0; position < span.Length; position++)
        {
            if ((uint)span[position] < (uint)ItemCount && HistoryConfidence(history, position) > 0)
            {
                items.Add(span[position]);
            }
        }

        return [.. items];
    }

    public override float[]? QueryVector(in ModelHistory history, VectorOf vectorOf) => FoldIn(history, vectorOf);

    private float[] FoldIn(in ModelHistory history, VectorOf vectorOf)
    {
        if (_gram.Length == 0)
        {
            throw new InvalidOperationException("A shard's slice of a factor model cannot fold a user in: send it the user's vector.");
        }

        if (!TrySystem(history, vectorOf, out var system, out var coefficients))
        {
            return new float[Factors];
        }

        var rhs = new float[Factors];
        foreach (var (item, coefficient) in coefficients)
        {
            TensorPrimitives.MultiplyAdd(vectorOf(item), coefficient, rhs, rhs);
        }

        DenseMath.SolveSpd(system, rhs, Factors);
        return rhs;
    }

    /// <summary>
    /// A = VᵀV + α Σ c_h v_h v_hᵀ + λI over the usable history, and each distinct history item's coefficient Σ (1 + α c_h)
    /// in the right-hand side; false when no history item has a vector.
    /// </summary>
    private bool TrySystem(in ModelHistory history, VectorOf vectorOf, out float[] system, out Dictionary<int, float> coefficients)
    {
        int f = Factors;
        system = (float[])_gram.Clone();
        coefficients = [];
        var items = history.Items.Span;
        for (int position = 0; position < items.Length; position++)
        {
            int item = items[position];
            float confidence = HistoryConfidence(history, position);
            if ((uint)item >= (uint)ItemCount || confidence <= 0)
            {
                continue;
            }

            var v = vectorOf(item);
            if (v.IsEmpty)
            {
                continue;
            }

            float c = Alpha * confidence;
            DenseMath.AddOuter(system, v, c);
            coefficients[item] = coefficients.GetValueOrDefault(item) + 1 + c;
        }

        for (int d = 0; d < f; d++)
        {
            system[(d * f) + d] += Regularization;
        }

        return coefficients.Count > 0;
    }

    /// <summary>
    /// The user vector is x = A⁻¹ Σ_h (1 + α c_h) v_h, so item j's score v_jᵀx splits exactly into one part per history
    /// item: (1 + α c_h) · (A⁻¹ v_j)ᵀ v_h. A shard's slice has no VᵀV to build A from and names none.
    /// </summary>
    public override void TopContributors(in ModelHistory history, ReadOnlySpan<int> items, int perItem, Span<int> contributors)
    {
        var tally = Contributions.Rent(ItemCount, items, history.Length);
        AddContributions(history, items, tally, 1);
        tally.WriteTop(perItem, contributors);
    }

    /// <summary>Adds each history item's part of the asked-for items' scores, times <paramref name="scale"/>, to the tally.</summary>
    internal void AddContributions(in ModelHistory history, ReadOnlySpan<int> items, Contributions tally, float scale)
    {
        if (_gram.Length == 0 || !TrySystem(history, ItemVector, out var system, out var coefficients))
        {
            return;
        }

        var solved = new float[Factors];
        var factor = DenseMath.Cholesky(system, Factors);
        foreach (int item in items)
        {
            var v = ItemVector(item);
            int slot = (uint)item < (uint)ItemCount ? tally.SlotOf(item) : -1;
            if (v.IsEmpty || slot < 0)
            {
                continue;
            }

            v.CopyTo(solved);
            DenseMath.SolveCholesky(factor, solved, Factors);
            foreach (var (source, coefficient) in coefficients)
            {
                tally.Add(slot, source, scale * coefficient * TensorPrimitives.Dot(solved, ItemVector(source)));
            }
        }
    }

    protected override bool ScoreHistory(in ModelHistory history, Span<float> scores) => ScoreHistoryRange(history, default, 0, scores);

    protected override bool ScoreHistoryRange(in ModelHistory history, ReadOnlySpan<float> queryVector, int start, Span<float> scores)
    {
        var user = queryVector.IsEmpty ? FoldIn(history) : queryVector;
        if (TensorPrimitives.Norm(user) == 0)
        {
            return false;
        }

        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = TensorPrimitives.Dot(ItemVector(start + i), user);
        }

        return true;
    }

    protected override bool ScoreRelated(int item, Span<float> scores) => ScoreRelatedRange(item, default, 0, scores);

    protected override bool ScoreRelatedRange(int item, ReadOnlySpan<float> itemVector, int start, Span<float> scores)
    {
        var target = itemVector.IsEmpty ? ItemVector(item) : itemVector;
        float targetNorm = TensorPrimitives.Norm(target);
        if (targetNorm == 0)
        {
            return false;
        }

        for (int i = 0; i < scores.Length; i++)
        {
            float norm = _norms[start + i - Held.Start];
            scores[i] = norm == 0 ? -1 : TensorPrimitives.Dot(ItemVector(start + i), target) / (norm * targetNorm);
        }

        return true;
    }

    protected internal override void WritePayload(BinaryWriter writer)
    {
        writer.Write(Factors);
        writer.Write(Regularization);
        writer.Write(Alpha);
        ArtifactIO.WriteArray(writer, _itemFactors);
    }

    /// <summary>
    /// Reads the payload keeping the vectors of <paramref name="held"/> items, streaming the factor block in chunks.
    /// Only a reader that folds users in (a whole model, a campaign's head holding no items) sums VᵀV.
    /// </summary>
    internal static FactorModel Read(BinaryReader reader, ModelBasis basis, HeldItems held)
    {
        int factors = reader.ReadInt32();
        float regularization = reader.ReadSingle();
        float alpha = reader.ReadSingle();
        if (held == HeldItems.All(basis.Popularity.Length))
        {
            return new FactorModel(basis, factors, ArtifactIO.ReadArray<float>(reader), regularization, alpha);
        }

        bool foldsIn = held.Length == 0;
        var gram = new GramAccumulator(factors);
        var heldFactors = new float[held.Length * factors];
        int chunkRows = GramAccumulator.BlockRows * 64;
        ArtifactIO.ReadArrayInChunks<float>(reader, chunkRows * factors, (chunk, offset, count) =>
        {
            int firstRow = offset / factors;
            int rows = count / factors;
            if (foldsIn)
            {
                gram.Add(chunk, rows);
            }

            int from = Math.Max(firstRow, held.Start);
            int to = Math.Min(firstRow + rows, held.End);
            if (from < to)
            {
                chunk.AsSpan((from - firstRow) * factors, (to - from) * factors).CopyTo(heldFactors.AsSpan((from - held.Start) * factors));
            }
        });
        return new FactorModel(basis, factors, held, heldFactors, foldsIn ? gram.ToGram() : [], regularization, alpha);
    }
}
