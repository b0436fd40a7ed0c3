using System.Security.Cryptography;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests.WebConsole;

/// <summary>
/// A server in sigv4 mode with three keys in its keys file (accounts 111111111111, 222222222222 and 333333333333, the
/// last one for revoking) and uploads limited to 1,000,000 bytes.
/// </summary>
public sealed class SigV4ConsoleServer : IAsyncLifetime
{
    public const long MaxUploadBytes = 1_000_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("attune-console-keys-").FullName;

    public (string Id, string Secret) A { get; } = NewKey();

    public (string Id, string Secret) B { get; } = NewKey();

    public (string Id, string Secret) Revocable { get; } = NewKey();

    public string KeysFile => Path.Combine(_folder, "keys.csv");

    public ServerProcess Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await WriteKeysAsync(A, B, Revocable);
        Server = new ServerProcess(extraArguments:
            ["--auth", "sigv4", "--access-keys", KeysFile, "--Attune:Console:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await Server.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Replaces the keys file with these keys (A in 111111111111, B in 222222222222, the third in 333333333333).</summary>
    public Task WriteKeysAsync(params (string Id, string Secret)[] keys) => File.WriteAllTextAsync(KeysFile,
        "accessKeyId,secretAccessKey,accountId\n" + string.Concat(keys.Select((k, i) => $"{k.Id},{k.Secret},{new string((char)('1' + i), 12)}\n")),
        TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static (string Id, string Secret) NewKey() =>
        ("AKAT" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)));
}
