using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// Hands committed events to the live path. A principal is the event's userId, or its sessionId for an anonymous
/// event (Personalize recommends for an anonymous session when the sessionId is passed as userId).
/// </summary>
public interface ILiveEvents
{
    /// <summary>
    /// Delivers each principal's new events (in commit order) and returns once every principal has them;
    /// <paramref name="impressions"/> are the items the events list as shown.
    /// </summary>
    Task PublishAsync(string datasetGroupArn, IReadOnlyList<PrincipalEvent> events, IReadOnlyList<string> impressions, CancellationToken cancellationToken);
}

/// <summary>An event and whose live history it belongs to.</summary>
public readonly record struct PrincipalEvent(string Principal, LiveEvent Event);
