namespace Attune.Server.Auth;

/// <summary>
/// The keys of <c>--access-keys FILE</c>. A lookup re-reads the file when its size or modification time changed (checked
/// at most once a second), so adding or removing a line takes effect without a restart. A file that no longer parses
/// keeps the last good keys and logs why (line number, never a secret); at startup it is an error.
/// </summary>
internal sealed partial class AccessKeysFile : IAccessKeys
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _reload = new();
    private Dictionary<string, AccessKey> _keys;
    private (long Length, DateTime Written) _version;
    private long _nextCheck;

    public AccessKeysFile(string path, TimeProvider clock, ILogger<AccessKeysFile> logger)
    {
        _path = Path.GetFullPath(path);
        _clock = clock;
        _logger = logger;
        _version = Version();
        _keys = AccessKeysCsv.Parse(_path, File.ReadLines(_path));
        _nextCheck = clock.GetTimestamp() + Ticks(CheckEvery);
    }

    public int Count => _keys.Count;

    public AccessKey? Find(string accessKeyId)
    {
        RefreshIfDue();
        return _keys.GetValueOrDefault(accessKeyId);
    }

    private void RefreshIfDue()
    {
        var now = _clock.GetTimestamp();
        if (now < Volatile.Read(ref _nextCheck) || !_reload.TryEnter())
        {
            return;
        }

        try
        {
            _nextCheck = now + Ticks(CheckEvery);
            var version = Version();
            if (version == _version)
            {
                return;
            }

            _keys = AccessKeysCsv.Parse(_path, File.ReadLines(_path));
            _version = version;
            LogReloaded(_logger, _path, _keys.Count);
        }
        catch (Exception error) when (error is IOException or FormatException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, _path, error.Message);
        }
        finally
        {
            _reload.Exit();
        }
    }

    private (long, DateTime) Version()
    {
        var info = new FileInfo(_path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access keys re-read from {Path}: {Count} keys")]
    private static partial void LogReloaded(ILogger logger, string path, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access keys file {Path} was not re-read, the previous keys stay: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string path, string reason);
}
