using System.Numerics.Tensors;
using Attune.Recipes.Algorithms;
using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// Implicit-feedback latent factors (iALS). The user vector is not stored: it is folded in from the history at
/// request time by solving (VᵀV + α Σ c_h v_h v_hᵀ + λI) x = Σ (1 + α c_h) v_h, so new events count at once.
/// </summary>
public sealed class FactorModel : RecommendationModel
{
    private readonly float[] _itemFactors;
    private readonly float[] _gram;
    private readonly float[] _norms;

    public FactorModel(ModelBasis basis, int factors, float[] itemFactors, float regularization, float alpha)
        : base(basis)
    {
        Factors = factors;
        _itemFactors = itemFactors;
        Regularization = regularization;
        Alpha = alpha;
        _gram = DenseMath.Gram(itemFactors, factors);
        _norms = new float[ItemCount];
        for (int i = 0; i < _norms.Length; i++)
        {
            _norms[i] = TensorPrimitives.Norm(ItemVector(i));
        }
    }

    public override ModelKind Kind => ModelKind.Factor;

    public override bool HasItemRelations => true;

    public int Factors { get; }

    public float Regularization { get; }

    public float Alpha { get; }

    public ReadOnlySpan<float> ItemVector(int item) => _itemFactors.AsSpan(item * Factors, Factors);

    /// <summary>The user's vector from its history (zero when nothing usable).</summary>
    public float[] FoldIn(in UserHistory history)
    {
        int f = Factors;
        var system = (float[])_gram.Clone();
        var rhs = new float[f];
        var items = history.Items.Span;
        bool any = false;
        for (int position = 0; position < items.Length; position++)
        {
            int item = items[position];
            float confidence = HistoryConfidence(history, position);
            if ((uint)item >= (uint)ItemCount || confidence <= 0)
            {
                continue;
            }

            any = true;
            var v = ItemVector(item);
            float c = Alpha * confidence;
            DenseMath.AddOuter(system, v, c);
            TensorPrimitives.MultiplyAdd(v, 1 + c, rhs, rhs);
        }

        if (!any)
        {
            return new float[f];
        }

        for (int d = 0; d < f; d++)
        {
            system[(d * f) + d] += Regularization;
        }

        DenseMath.SolveSpd(system, rhs, f);
        return rhs;
    }

    protected override bool ScoreHistory(in UserHistory history, Span<float> scores) => ScoreHistoryRange(history, 0, scores);

    protected override bool ScoreHistoryRange(in UserHistory history, int start, Span<float> scores)
    {
        var user = FoldIn(history);
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

    protected override bool ScoreRelated(int item, Span<float> scores)
    {
        if (_norms[item] == 0)
        {
            return false;
        }

        var target = ItemVector(item);
        for (int i = 0; i < ItemCount; i++)
        {
            scores[i] = _norms[i] == 0 ? -1 : TensorPrimitives.Dot(ItemVector(i), target) / (_norms[i] * _norms[item]);
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

    internal static FactorModel Read(BinaryReader reader, ModelBasis basis)
    {
        int factors = reader.ReadInt32();
        float regularization = reader.ReadSingle();
        float alpha = reader.ReadSingle();
        return new FactorModel(basis, factors, ArtifactIO.ReadArray<float>(reader), regularization, alpha);
    }
}
