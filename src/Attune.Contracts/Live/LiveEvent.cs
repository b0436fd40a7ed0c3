namespace Attune.Contracts.Live;

/// <summary>
/// One interaction after it was committed to the dataset group's durable event log, as the live path sees it.
/// <see cref="Sequence"/> orders a group's put events (monotonic per group), so a served model knows which events it
/// already contains and a rebuilt user history knows where the store left off.
/// </summary>
[GenerateSerializer, Immutable, Alias("attune.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string EventType,
    [property: Id(3)] float EventValue,
    [property: Id(4)] long Timestamp);
