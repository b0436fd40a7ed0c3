namespace Attune.Recipes.Actions;

/// <summary>The fitted coefficients of the propensity model's logit (the action prior enters with weight 1, as an offset).</summary>
public sealed record PropensityWeights(double CoTaking, double Metadata, double Bias)
{
    public double Logit(float priorLogit, float coTaking, float metadataAffinity) =>
        priorLogit + (CoTaking * coTaking) + (Metadata * metadataAffinity) + Bias;
}
