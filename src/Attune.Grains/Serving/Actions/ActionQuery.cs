namespace Attune.Grains.Serving.Actions;

/// <summary>A GetActionRecommendations request as the engine takes it (the wire model already checked lengths and patterns).</summary>
public sealed record ActionQuery(string CampaignArn, string? UserId, int NumResults, string? FilterArn, IReadOnlyDictionary<string, string>? FilterValues)
{
    /// <summary>personalize-runtime's default numResults for actions.</summary>
    public const int DefaultNumResults = 5;

    /// <summary>The most actions one request may ask for.</summary>
    public const int MaxNumResults = 100;
}

/// <summary>One recommended action with its probability of being taken.</summary>
public sealed record PredictedAction(string ActionId, double Score);

/// <summary>GetActionRecommendations' answer: actionList and recommendationId.</summary>
public sealed record ActionAnswer(IReadOnlyList<PredictedAction> Actions, string RecommendationId);
