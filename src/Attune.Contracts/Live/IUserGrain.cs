using Orleans.Concurrency;

namespace Attune.Contracts.Live;

/// <summary>
/// One principal's live history in one dataset group (key: <c>&lt;datasetGroupArn&gt;|&lt;userId or sessionId&gt;</c>):
/// the events committed through PutEvents, newest last. It starts empty and reads the store only when a read asks for
/// events it was not handed, so the store, not this grain's memory, is the source of truth.
/// </summary>
[Alias("attune.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends committed events (ignoring any it already holds); returns once the next read sees them.
    /// </summary>
    [Alias("Append")]
    Task AppendAsync([Immutable] LiveEvent[] events);

    /// <summary>The events after <paramref name="afterSequence"/> (those a served model does not contain), oldest first.</summary>
    [Alias("Read"), ReadOnly, AlwaysInterleave]
    ValueTask<LiveEvent[]> ReadAsync(long afterSequence);

    /// <summary>Drops the events held (a data deletion job removed the principal's data); the next read starts from the store.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}

/// <summary>Builds UserGrain keys.</summary>
public static class UserGrainKey
{
    public static string For(string datasetGroupArn, string principal) => datasetGroupArn + "|" + principal;

    /// <summary>Splits a key; ARNs never contain '|', so the first one separates the parts.</summary>
    public static (string DatasetGroupArn, string Principal) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int at = key.IndexOf('|', StringComparison.Ordinal);
        return (key[..at], key[(at + 1)..]);
    }
}
