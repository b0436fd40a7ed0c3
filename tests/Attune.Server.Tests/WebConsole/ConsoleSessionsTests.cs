using Attune.Server.Auth;
using Attune.Server.WebConsole;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Server.Tests.WebConsole;

/// <summary>Console sign-ins over a real keys file: lifetime, wrong secrets, revocation, and the tokens themselves.</summary>
public sealed class ConsoleSessionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attune-console-sessions-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly string _keysFile;
    private readonly ConsoleSessions _sessions;

    public ConsoleSessionsTests()
    {
        _keysFile = Path.Combine(_folder, "keys.csv");
        File.WriteAllText(_keysFile, "accessKeyId,secretAccessKey,accountId\nAKATAAAAAAAAAAAA,secret-aaaaaaaaaaaaaaa,111111111111\nAKATBBBBBBBBBBBB,secret-bbbbbbbbbbbbbbb,222222222222\n");
        var keys = new AccessKeysFile(_keysFile, _clock, NullLogger<AccessKeysFile>.Instance);
        _sessions = new ConsoleSessions(keys, Options.Create(new ConsoleOptions { SessionLifetime = TimeSpan.FromHours(8) }), _clock);
    }

    [Fact]
    public void A_session_acts_as_its_key_until_its_lifetime_ends()
    {
        var token = _sessions.Start(_sessions.Check("AKATAAAAAAAAAAAA", "secret-aaaaaaaaaaaaaaa")!);

        _clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
        Assert.Equal("111111111111", _sessions.Find(token)?.AccountId);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_sessions.Find(token));
    }

    [Fact]
    public void A_wrong_secret_an_unknown_key_or_an_unknown_token_signs_nobody_in()
    {
        Assert.Null(_sessions.Check("AKATAAAAAAAAAAAA", "secret-bbbbbbbbbbbbbbb"));
        Assert.Null(_sessions.Check("AKATAAAAAAAAAAAA", "secret-aaaaaaaaaaaaaaa "));
        Assert.Null(_sessions.Check("AKATZZZZZZZZZZZZ", "secret-aaaaaaaaaaaaaaa"));
        Assert.Null(_sessions.Find("not-a-token"));
        Assert.Null(_sessions.Find(null));
    }

    [Fact]
    public void A_revoked_key_ends_its_sessions_once_the_keys_file_is_reread()
    {
        var token = _sessions.Start(_sessions.Check("AKATBBBBBBBBBBBB", "secret-bbbbbbbbbbbbbbb")!);
        File.WriteAllText(_keysFile, "accessKeyId,secretAccessKey,accountId\nAKATAAAAAAAAAAAA,secret-aaaaaaaaaaaaaaa,111111111111\n");
        File.SetLastWriteTimeUtc(_keysFile, DateTime.UtcNow.AddSeconds(5)); // a new version even within the file system's time resolution

        _clock.Advance(TimeSpan.FromSeconds(1)); // the file is checked at most once a second
        Assert.Null(_sessions.Find(token));
    }

    [Fact]
    public void Tokens_are_256_random_bits_and_signing_out_ends_only_that_session()
    {
        var key = _sessions.Check("AKATAAAAAAAAAAAA", "secret-aaaaaaaaaaaaaaa")!;
        var first = _sessions.Start(key);
        var second = _sessions.Start(key);

        Assert.Equal(43, first.Length); // 32 bytes, base64url without padding
        Assert.NotEqual(first, second);
        _sessions.End(first);
        Assert.Null(_sessions.Find(first));
        Assert.NotNull(_sessions.Find(second));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
