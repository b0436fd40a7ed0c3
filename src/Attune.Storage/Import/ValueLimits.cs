namespace Attune.Storage.Import;

/// <summary>Personalize's value limits (reference §3.3).</summary>
internal static class ValueLimits
{
    public const int MaxIdLength = 256;
    public const int MaxStringLength = 1000;
    public const int MaxTextualLength = 20_000;
}
