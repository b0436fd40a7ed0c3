using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// A principal's live events (<see cref="LiveHistory"/>). Activation reads nothing: the event log is read only when a
/// recommendation needs events this activation was not handed. Idle grains are collected after a few minutes; a
/// collected one is rebuilt the same way, so memory stays bounded by the users active lately.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class UserGrain(ILiveEventStore store) : Grain, IUserGrain
{
    private LiveHistory _history = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (groupArn, principal) = UserGrainKey.Parse(this.GetPrimaryKeyString());
        _history = new LiveHistory(store, groupArn, principal);
        return Task.CompletedTask;
    }

    public Task AppendAsync(LiveEvent[] events)
    {
        _history.Append(events);
        return Task.CompletedTask;
    }

    public ValueTask<LiveEvent[]> ReadAsync(long afterSequence) => _history.ReadAsync(afterSequence);

    public Task ForgetAsync()
    {
        var (groupArn, principal) = UserGrainKey.Parse(this.GetPrimaryKeyString());
        _history = new LiveHistory(store, groupArn, principal);
        return Task.CompletedTask;
    }
}
