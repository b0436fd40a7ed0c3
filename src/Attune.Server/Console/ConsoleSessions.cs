using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Attune.Server.Auth;
using Microsoft.Extensions.Options;

namespace Attune.Server.WebConsole;

/// <summary>
/// Console sign-ins in sigv4 mode: an access key exchanged for a random 256-bit token, held in this process's memory
/// for <see cref="ConsoleOptions.SessionLifetime"/> (a restart signs everyone out; each cluster member has its own).
/// Only the token's SHA-256 is kept, so the table is keyed by something a timing probe learns nothing from. Every use
/// looks the key up again, so a revoked key's sessions stop within the key sources' refresh (1 s file, 5 s catalog).
/// </summary>
internal sealed class ConsoleSessions(IAccessKeys keys, IOptions<ConsoleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>The key if the secret is right (compared in constant time), else null.</summary>
    public AccessKey? Check(string accessKeyId, string secretAccessKey)
    {
        var key = keys.Find(accessKeyId);
        var expected = Encoding.UTF8.GetBytes(key?.SecretAccessKey ?? string.Empty);
        var given = Encoding.UTF8.GetBytes(secretAccessKey);
        return key is not null && CryptographicOperations.FixedTimeEquals(expected, given) ? key : null;
    }

    /// <summary>A new session for the key; returns the token for the cookie (never logged, never stored).</summary>
    public string Start(AccessKey key)
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, session) in _sessions)
        {
            if (session.ExpiresAt <= now)
            {
                _sessions.TryRemove(hash, out _);
            }
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[Hash(token)] = new Session(key.AccessKeyId, key.AccountId, now + options.Value.SessionLifetime);
        return token;
    }

    /// <summary>The live session of this token whose key still exists in the same account, else null.</summary>
    public Session? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_sessions.TryGetValue(Hash(token), out var session))
        {
            return null;
        }
        if (session.ExpiresAt > clock.GetUtcNow() && keys.Find(session.AccessKeyId)?.AccountId == session.AccountId)
        {
            return session;
        }
        _sessions.TryRemove(Hash(token), out _);
        return null;
    }

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _sessions.TryRemove(Hash(token), out _);
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Who a session acts as.</summary>
    internal sealed record Session(string AccessKeyId, string AccountId, DateTimeOffset ExpiresAt);
}
