namespace Attune.Recipes.Blending;

/// <summary>One weight per <see cref="BlendPart"/>.</summary>
internal sealed record BlendWeights(float[] Values)
{
    public const int PartCount = 6;

    public static readonly IReadOnlyList<BlendPart> Parts = Enum.GetValues<BlendPart>();

    public float this[BlendPart part] => Values[(int)part];

    public BlendWeights With(BlendPart part, float weight)
    {
        var values = (float[])Values.Clone();
        values[(int)part] = weight;
        return new BlendWeights(values);
    }

    public override string ToString() => string.Join(", ", Parts.Select(p => $"{p} {this[p]:0.###}"));
}
