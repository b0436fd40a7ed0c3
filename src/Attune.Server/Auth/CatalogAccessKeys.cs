using Attune.Storage.Resources;

namespace Attune.Server.Auth;

/// <summary>
/// The ACTIVE keys of the catalog (<see cref="CatalogKeyRecords"/>), decrypted into memory and re-read every few
/// seconds, so a key created or revoked with <c>attune keys</c> takes effect on every cluster member within
/// <see cref="RefreshEvery"/>. Without a key-encryption key (a cluster that configured none) it holds no keys. The
/// key is looked for at each refresh until found: embedded, <c>keys create</c> may write it after the server started.
/// </summary>
internal sealed partial class CatalogAccessKeys(IResourceRegistry registry, Func<KeyEncryption?> findEncryption, ILogger<CatalogAccessKeys> logger)
    : BackgroundService, IAccessKeys
{
    private KeyEncryption? _encryption;

    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private volatile Dictionary<string, AccessKey> _keys = new(StringComparer.Ordinal);

    public AccessKey? Find(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);

    /// <summary>Reads the catalog once (startup does this before serving, so the first request already sees the keys).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, AccessKey>(StringComparer.Ordinal);
        var records = await CatalogKeyRecords.ListAsync(registry, cancellationToken);
        var encryption = _encryption ??= records.Count > 0 ? findEncryption() : null;
        if (encryption is null)
        {
            if (records.Count > 0)
            {
                LogNoEncryptionKey(logger, records.Count);
            }
        }
        else
        {
            foreach (var record in records.Where(r => r.Status == CatalogKeyRecords.Active))
            {
                keys[record.Name] = CatalogKeyRecords.FromRecord(record, encryption);
            }
        }

        _keys = keys;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(logger, error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} access keys in the catalog cannot be used: set Attune:Auth:KeyEncryptionKey (the same on every cluster member)")]
    private static partial void LogNoEncryptionKey(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access keys were not re-read from the catalog ({Error}); the previous keys stay")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
