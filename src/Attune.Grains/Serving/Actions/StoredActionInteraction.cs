namespace Attune.Grains.Serving.Actions;

/// <summary>One committed action interaction as PutActionInteractions stored it (EVENT_TYPE canonical, epoch seconds).</summary>
public sealed record StoredActionInteraction(string UserId, string ActionId, long Timestamp, string EventType);
