using System.Buffers;
using System.Numerics.Tensors;
using Attune.Recipes.Data;

namespace Attune.Recipes.Models;

/// <summary>
/// A validated linear blend (see Blending/README.md): score(j) = neighbourhood terms (item-item weights and
/// transitions, already weighted inside) + <see cref="FactorWeight"/> · v_jᵀx + <see cref="PopularityWeight"/> · ln(1 +
/// popularity_j). Every part decomposes by item, so shards scoring their ranges still add up to one full scoring, and
/// the history-dependent parts decompose by history item, so explanations stay exact.
/// </summary>
public sealed class BlendedModel : RecommendationModel
{
    private readonly NeighborhoodModel? _neighborhood;
    private readonly FactorModel? _factors;
    private readonly float[] _logPopularity;

    public BlendedModel(ModelBasis basis, NeighborhoodModel? neighborhood, FactorModel? factors, float factorWeight, float popularityWeight)
        : base(basis)
    {
        if (neighborhood is null && factors is null)
        {
            throw new ArgumentException("A blend needs a neighbourhood or a factor part.");
        }

        _neighborhood = neighborhood;
        _factors = factors;
        Held = (neighborhood as RecommendationModel ?? factors!).Held;
        FactorWeight = factors is null ? 0 : factorWeight;
        PopularityWeight = popularityWeight;
        _logPopularity = new float[basis.Popularity.Length];
        for (int i = 0; i < _logPopularity.Length; i++)
        {
            _logPopularity[i] = MathF.Log(1 + Math.Max(0, basis.Popularity[i]));
        }
    }

    public override ModelKind Kind => ModelKind.Blend;

    public float FactorWeight { get; }

    public float PopularityWeight { get; }

    public NeighborhoodModel? Neighborhood => _neighborhood;

    public FactorModel? Factors => _factors;

    public override bool HasItemRelations => _neighborhood?.HasItemRelations ?? _factors!.HasItemRelations;

    public override int VectorSize => _factors?.VectorSize ?? 0;

    public override long PayloadBytes => (_neighborhood?.PayloadBytes ?? 0) + (_factors?.PayloadBytes ?? 0) + ((long)_logPopularity.Length * sizeof(float));

    public override int[] QueryVectorItems(in ModelHistory history) => _factors?.QueryVectorItems(history) ?? [];

    public override float[]? QueryVector(in ModelHistory history, VectorOf vectorOf) => _factors?.QueryVector(history, vectorOf);

    public override bool TryCopyVector(int item, Span<float> vector) => _factors?.TryCopyVector(item, vector) ?? false;

    protected override bool ScoreHistory(in ModelHistory history, Span<float> scores) => ScoreHistoryRange(history, default, 0, scores);

    protected override bool ScoreHistoryRange(in ModelHistory history, ReadOnlySpan<float> queryVector, int start, Span<float> scores)
    {
        bool any = _neighborhood is not null && _neighborhood.TryScoreRange(history, start, scores);
        if (!any)
        {
            scores.Clear();
        }

        if (_factors is not null && FactorWeight != 0)
        {
            var part = ArrayPool<float>.Shared.Rent(scores.Length);
            try
            {
                var span = part.AsSpan(0, scores.Length);
                if (_factors.TryScoreRange(history, start, span, queryVector))
                {
                    TensorPrimitives.MultiplyAdd(span, FactorWeight, scores, scores);
                    any = true;
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(part);
            }
        }

        if (any && PopularityWeight != 0)
        {
            TensorPrimitives.MultiplyAdd(_logPopularity.AsSpan(start, scores.Length), PopularityWeight, scores, scores);
        }

        return any;
    }

    /// <summary>The history items whose summed parts (neighbourhood and factor terms) raised each item's score most.</summary>
    public override void TopContributors(in ModelHistory history, ReadOnlySpan<int> items, int perItem, Span<int> contributors)
    {
        var tally = Contributions.Rent(ItemCount, items, history.Length);
        _neighborhood?.AddContributions(history, tally, 1);
        if (FactorWeight != 0)
        {
            _factors?.AddContributions(history, items, tally, FactorWeight);
        }

        tally.WriteTop(perItem, contributors);
    }

    protected override bool ScoreRelated(int item, Span<float> scores) => ScoreRelatedRange(item, default, 0, scores);

    protected override bool ScoreRelatedRange(int item, ReadOnlySpan<float> itemVector, int start, Span<float> scores)
        => _neighborhood is not null
            ? _neighborhood.TryScoreSimilarRange(item, start, scores)
            : _factors!.TryScoreSimilarRange(item, start, scores, itemVector);

    protected internal override void WritePayload(BinaryWriter writer)
    {
        writer.Write(FactorWeight);
        writer.Write(PopularityWeight);
        writer.Write(_neighborhood is not null);
        _neighborhood?.WritePayload(writer);
        writer.Write(_factors is not null);
        _factors?.WritePayload(writer);
    }

    internal static BlendedModel Read(BinaryReader reader, ModelBasis basis, HeldItems held)
    {
        float factorWeight = reader.ReadSingle();
        float popularityWeight = reader.ReadSingle();
        var neighborhood = reader.ReadBoolean() ? NeighborhoodModel.Read(reader, basis, held) : null;
        var factors = reader.ReadBoolean() ? FactorModel.Read(reader, basis, held) : null;
        return new BlendedModel(basis, neighborhood, factors, factorWeight, popularityWeight);
    }
}
