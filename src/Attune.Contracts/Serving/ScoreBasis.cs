namespace Attune.Contracts.Serving;

/// <summary>What a request's scores are based on.</summary>
public enum ScoreBasis
{
    History,
    Popular,
    Trending,
    Related,
}
