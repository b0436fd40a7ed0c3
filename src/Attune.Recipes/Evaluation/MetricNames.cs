namespace Attune.Recipes.Evaluation;

/// <summary>Personalize's offline metric keys.</summary>
public static class MetricNames
{
    public const string Coverage = "coverage";
    public const string MeanReciprocalRankAt25 = "mean_reciprocal_rank_at_25";
    public const string NdcgAt5 = "normalized_discounted_cumulative_gain_at_5";
    public const string NdcgAt10 = "normalized_discounted_cumulative_gain_at_10";
    public const string NdcgAt25 = "normalized_discounted_cumulative_gain_at_25";
    public const string PrecisionAt5 = "precision_at_5";
    public const string PrecisionAt10 = "precision_at_10";
    public const string PrecisionAt25 = "precision_at_25";

    public static IReadOnlyList<string> All { get; } =
        [Coverage, MeanReciprocalRankAt25, NdcgAt5, NdcgAt10, NdcgAt25, PrecisionAt5, PrecisionAt10, PrecisionAt25];
}
