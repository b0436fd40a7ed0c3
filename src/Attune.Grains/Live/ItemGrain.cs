using Attune.Contracts.Live;

namespace Attune.Grains.Live;

/// <summary>
/// Counts an item's live interactions and impressions. The counts are soft statistics (they only tune exploration),
/// so they are written behind, at most every <see cref="WriteInterval"/> and when the grain deactivates, instead of
/// once per event; a crash loses at most that interval's counts.
/// </summary>
internal sealed class ItemGrain([PersistentState("item")] IPersistentState<ItemActivityState> state) : Grain, IItemGrain
{
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(10);

    private IGrainTimer? _writer;

    public Task RecordAsync(int interactions, int impressions)
    {
        state.State.Interactions += interactions;
        state.State.Impressions += impressions;
        _writer ??= this.RegisterGrainTimer(WriteDueAsync, new GrainTimerCreationOptions(WriteInterval, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public ValueTask<LiveItemActivity> GetActivityAsync() =>
        ValueTask.FromResult(new LiveItemActivity(state.State.Interactions, state.State.Impressions));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            await WriteDueAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes the counts, then stops the timer. In that order: disposing a timer cancels the token its running callback
    /// was given, which failed every timed write on PostgreSQL (it honours the token) with a logged warning.
    /// </summary>
    private async Task WriteDueAsync(CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(cancellationToken);
        _writer?.Dispose();
        _writer = null;
    }
}

/// <summary>An item's stored live counts.</summary>
[GenerateSerializer, Alias("attune.ItemActivityState")]
public sealed class ItemActivityState
{
    [Id(0)]
    public int Interactions { get; set; }

    [Id(1)]
    public int Impressions { get; set; }
}
