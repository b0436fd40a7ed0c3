using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>Where serving reads a user's live events: those committed after a served model's data.</summary>
public interface ILiveHistories
{
    ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence);
}

/// <summary>Where the live path hands a principal's committed events; the next <see cref="ILiveHistories"/> read sees them.</summary>
public interface ILiveHistoryWriter
{
    Task AppendAsync(string datasetGroupArn, string principal, LiveEvent[] events);

    /// <summary>Drops what is held of a principal whose data a deletion job removed from the store; later reads see only newer events.</summary>
    Task ForgetAsync(string datasetGroupArn, string principal);
}
