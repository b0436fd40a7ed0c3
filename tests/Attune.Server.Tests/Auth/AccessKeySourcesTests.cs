using Attune.Server.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Attune.Server.Tests.Auth;

/// <summary>The keys file: strict parsing whose errors never show a secret, and changes picked up without a restart.</summary>
public sealed class AccessKeySourcesTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY00";
    private readonly string _folder = Directory.CreateTempSubdirectory("attune-keys-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_well_formed_file_gives_each_key_its_account()
    {
        var keys = AccessKeysCsv.Parse("keys.csv", ["accessKeyId,secretAccessKey,accountId", "# a comment", "AKIAIOSFODNN7EXAMPLE," + Secret + ",111111111111", ""]);

        Assert.Equal("111111111111", keys["AKIAIOSFODNN7EXAMPLE"].AccountId);
        Assert.DoesNotContain(Secret, keys["AKIAIOSFODNN7EXAMPLE"].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accessKeyId,secret,accountId", "header")]
    [InlineData("AKIAIOSFODNN7EXAMPLE," + Secret + ",11111", "12 digits")]
    [InlineData("AKIAIOSFODNN7EXAMPLE," + Secret, "3 comma-separated")]
    [InlineData("short," + Secret + ",111111111111", "16 to 128")]
    [InlineData("AKIAIOSFODNN7EXAMPLE,tooshort,111111111111", "at least 16")]
    public void A_bad_line_is_named_without_its_secret(string line, string named)
    {
        string[] lines = line.StartsWith("accessKeyId", StringComparison.Ordinal) ? [line] : [AccessKeysCsv.Header, line];

        var error = Assert.Throws<FormatException>(() => AccessKeysCsv.Parse("keys.csv", lines));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("keys.csv line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_is_re_read_when_it_changes_and_a_broken_edit_keeps_the_last_good_keys()
    {
        var path = Path.Combine(_folder, "keys.csv");
        File.WriteAllLines(path, [AccessKeysCsv.Header, $"AKIAIOSFODNN7EXAMPLE,{Secret},111111111111"]);
        var clock = new FakeTimeProvider();
        var file = new AccessKeysFile(path, clock, NullLogger<AccessKeysFile>.Instance);
        Assert.NotNull(file.Find("AKIAIOSFODNN7EXAMPLE"));

        File.WriteAllLines(path, [AccessKeysCsv.Header, $"AKIAOTHERKEY00000000,{Secret},222222222222"]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(file.Find("AKIAIOSFODNN7EXAMPLE"));
        Assert.Equal("222222222222", file.Find("AKIAOTHERKEY00000000")?.AccountId);

        File.WriteAllLines(path, [AccessKeysCsv.Header, "broken"]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(file.Find("AKIAOTHERKEY00000000"));
    }

    [Fact]
    public void Catalog_secrets_are_sealed_to_their_key_id()
    {
        var encryption = KeyEncryption.From(new AuthOptions(), _folder, cluster: false, create: true)!;
        var sealedSecret = encryption.Encrypt("AKATFIRST00000000000", Secret);

        Assert.DoesNotContain(Secret, sealedSecret, StringComparison.Ordinal);
        Assert.Equal(Secret, KeyEncryption.From(new AuthOptions(), _folder, cluster: false, create: false)!.Decrypt("AKATFIRST00000000000", sealedSecret));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => encryption.Decrypt("AKATSECOND0000000000", sealedSecret));
        Assert.Null(KeyEncryption.From(new AuthOptions(), _folder, cluster: true, create: true));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "access-keys.kek")));
        }
    }
}
