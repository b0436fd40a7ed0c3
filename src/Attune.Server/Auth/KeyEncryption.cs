using System.Security.Cryptography;

namespace Attune.Server.Auth;

/// <summary>
/// AES-256-GCM for the secrets of catalog keys: SigV4 needs the secret itself to recompute signatures, so it cannot be
/// stored as a one-way hash; it is stored encrypted under a key-encryption key that never enters the catalog. The
/// access key id is the associated data, so a ciphertext cannot be moved to another key.
/// </summary>
internal sealed class KeyEncryption(byte[] key)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>The configured key, or (embedded mode, none configured) the one in &lt;data dir&gt;/access-keys.kek, created on first use.</summary>
    public static KeyEncryption? From(AuthOptions options, string dataDirectory, bool cluster, bool create)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            var configured = Convert.FromBase64String(options.KeyEncryptionKey.Trim());
            return configured.Length == 32
                ? new KeyEncryption(configured)
                : throw new FormatException("Attune:Auth:KeyEncryptionKey must be the base64 of 32 bytes.");
        }

        if (cluster)
        {
            return null;
        }

        var path = Path.Combine(dataDirectory, "access-keys.kek");
        if (File.Exists(path))
        {
            return new KeyEncryption(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        if (!create)
        {
            return null;
        }

        Directory.CreateDirectory(dataDirectory);
        var generated = RandomNumberGenerator.GetBytes(32);
        var newFile = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            newFile.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // readable by the server's user only
        }

        using (var file = new FileStream(path, newFile))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Convert.ToBase64String(generated));
        }

        return new KeyEncryption(generated);
    }

    public string Encrypt(string accessKeyId, string secret)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Associated(accessKeyId));
        return Convert.ToBase64String(sealedBytes);
    }

    public string Decrypt(string accessKeyId, string ciphertext)
    {
        var sealedBytes = Convert.FromBase64String(ciphertext);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length),
            plain, Associated(accessKeyId));
        return System.Text.Encoding.UTF8.GetString(plain);
    }

    private static byte[] Associated(string accessKeyId) => System.Text.Encoding.UTF8.GetBytes($"attune-access-key:{accessKeyId}");
}
