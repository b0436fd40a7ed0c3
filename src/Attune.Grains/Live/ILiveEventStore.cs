using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>Where a UserGrain rebuilds from: the dataset group's durable event log.</summary>
public interface ILiveEventStore
{
    /// <summary>The principal's committed put events after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<LiveEvent>> ReadAsync(string datasetGroupArn, string principal, long afterSequence, CancellationToken cancellationToken);
}
