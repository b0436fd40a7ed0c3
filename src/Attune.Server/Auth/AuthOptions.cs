namespace Attune.Server.Auth;

/// <summary>How requests prove who they are (section "Attune:Auth"); see README "Security".</summary>
public sealed class AuthOptions
{
    public const string Section = "Attune:Auth";

    /// <summary><c>none</c> or <c>sigv4</c>; unset picks by where the server listens (<see cref="AuthModes"/>).</summary>
    public string? Mode { get; set; }

    /// <summary>Allows <c>none</c> where it would not be the default (non-loopback URLs, cluster mode).</summary>
    public bool Insecure { get; set; }

    /// <summary>A CSV of keys (<c>accessKeyId,secretAccessKey,accountId</c>), re-read when it changes.</summary>
    public string? AccessKeysFile { get; set; }

    /// <summary>
    /// Base64 of the 32-byte key that encrypts the secrets of keys created with <c>attune keys create</c>. Embedded mode
    /// generates one in &lt;data dir&gt;/access-keys.kek when unset; a cluster must set it (the same on every member).
    /// </summary>
    public string? KeyEncryptionKey { get; set; }
}
