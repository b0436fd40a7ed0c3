using System.Collections.Concurrent;
using System.Reflection;
using Attune.Contracts.Live;
using Attune.Grains.Live;

namespace Attune.Grains.Tests.Live;

/// <summary>
/// UserGrains without a silo: an <see cref="IGrainFactory"/> whose GetGrain&lt;IUserGrain&gt; hands out one grain per
/// key, each a <see cref="LiveHistory"/> over the given store, as UserGrain activations are, and counts them.
/// </summary>
internal sealed class FakeUserGrains(ILiveEventStore store)
{
    private readonly ConcurrentDictionary<string, FakeGrain> _grains = new(StringComparer.Ordinal);

    public IGrainFactory Factory => Proxy.For(this);

    private int _activations;

    public int Activations => _activations;

    private FakeGrain Get(string key) => _grains.GetOrAdd(key, k =>
    {
        Interlocked.Increment(ref _activations);
        var (group, principal) = UserGrainKey.Parse(k);
        return new FakeGrain(() => new LiveHistory(store, group, principal));
    });

    private sealed class FakeGrain(Func<LiveHistory> create) : IUserGrain
    {
        private LiveHistory _history = create();

        public Task AppendAsync(LiveEvent[] events)
        {
            _history.Append(events);
            return Task.CompletedTask;
        }

        public ValueTask<LiveEvent[]> ReadAsync(long afterSequence) => _history.ReadAsync(afterSequence);

        public Task ForgetAsync()
        {
            _history = create();
            return Task.CompletedTask;
        }
    }

    /// <summary>Answers GetGrain&lt;IUserGrain&gt;(key); any other IGrainFactory member is not needed by these tests.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1852", Justification = "DispatchProxy derives from it.")]
    public class Proxy : DispatchProxy
    {
        private FakeUserGrains _owner = null!;

        public static IGrainFactory For(FakeUserGrains owner)
        {
            var factory = Create<IGrainFactory, Proxy>();
            ((Proxy)(object)factory)._owner = owner;
            return factory;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && args?[0] is string key
                && targetMethod.GetGenericArguments()[0] == typeof(IUserGrain)
                ? _owner.Get(key)
                : throw new NotSupportedException(targetMethod?.ToString());
    }
}

/// <summary>A event log that counts its reads, or refuses them: a UserGrain must not need it.</summary>
internal sealed class CountingLiveEventStore(ILiveEventStore? inner = null) : ILiveEventStore
{
    private int _reads;

    public int Reads => _reads;

    public Task<IReadOnlyList<LiveEvent>> ReadAsync(string datasetGroupArn, string principal, long afterSequence, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner?.ReadAsync(datasetGroupArn, principal, afterSequence, cancellationToken)
            ?? throw new InvalidOperationException($"The event log was read for {principal} after {afterSequence}.");
    }
}
