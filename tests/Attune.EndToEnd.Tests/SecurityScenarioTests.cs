using System.Security.Cryptography;
using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>
/// A server in sigv4 mode with two accounts in its keys file: isolation on every operation family through boto3
/// (scripts/tenancy.py), the AWS CLI with real keys, keys created and revoked with `keys` while it runs, and no
/// secret ever in its output.
/// </summary>
public sealed class SecurityScenarioTests : IAsyncLifetime
{
    private readonly string _keysFile = Path.Combine(Directory.CreateTempSubdirectory("attune-keys-").FullName, "keys.csv");
    private readonly (string Id, string Secret) _a = NewKey();
    private readonly (string Id, string Secret) _b = NewKey();
    private ServerProcess _server = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_keysFile,
            $"accessKeyId,secretAccessKey,accountId\n{_a.Id},{_a.Secret},111111111111\n{_b.Id},{_b.Secret},222222222222\n",
            TestContext.Current.CancellationToken);
        _server = new ServerProcess(extraArguments: ["--auth", "sigv4", "--access-keys", _keysFile]);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_keysFile)!, recursive: true);
    }

    [Fact]
    public async Task Two_accounts_see_nothing_of_each_other_and_bad_signatures_get_AWS_errors()
    {
        var result = await ExternalCommand.PythonAsync("tenancy.py", _server.Endpoint, TestContext.Current.CancellationToken,
            _server.ObjectRoot, _a.Id, _a.Secret, _b.Id, _b.Secret);

        Assert.True(result.ExitCode == 0, $"tenancy.py failed:\n{result}\n--- server output\n{_server.Output}");
        AssertNoSecretIn(_server.Output, _a.Secret, _b.Secret);
    }

    [Fact]
    public async Task The_AWS_CLI_works_with_real_keys_and_is_refused_without_them()
    {
        var created = await ExternalCommand.AwsAsAsync(_server.Endpoint, _a.Id, _a.Secret, TestContext.Current.CancellationToken,
            "personalize", "create-dataset-group", "--name", "cli-tenant");
        var listedByA = await ExternalCommand.AwsAsAsync(_server.Endpoint, _a.Id, _a.Secret, TestContext.Current.CancellationToken,
            "personalize", "list-dataset-groups");
        var listedByB = await ExternalCommand.AwsAsAsync(_server.Endpoint, _b.Id, _b.Secret, TestContext.Current.CancellationToken,
            "personalize", "list-dataset-groups");
        var dummy = await ExternalCommand.AwsAsync(_server.Endpoint, TestContext.Current.CancellationToken, "personalize", "list-dataset-groups");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("arn:aws:personalize:us-east-1:111111111111:dataset-group/cli-tenant", listedByA.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("cli-tenant", listedByB.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, dummy.ExitCode);
        Assert.Contains("UnrecognizedClientException", dummy.StandardError, StringComparison.Ordinal);
        AssertNoSecretIn(_server.Output, _a.Secret, _b.Secret);
    }

    [Fact]
    public async Task The_JavaScript_SDK_v3_signs_every_service_and_isolates_accounts()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await JsPackages.EnsureInstalledAsync(cancellation);

        var result = await ExternalCommand.RunAsync("node", ["sigv4.mjs", _server.Endpoint, _a.Id, _a.Secret, _b.Id, _b.Secret], cancellation,
            workingDirectory: JsPackages.Folder);

        Assert.True(result.ExitCode == 0, $"sigv4.mjs failed:\n{result}\n--- server output\n{_server.Output}");
        AssertNoSecretIn(_server.Output, _a.Secret, _b.Secret);
    }

    [Fact]
    public async Task A_key_created_with_the_keys_command_works_until_it_is_revoked_and_its_secret_is_stored_encrypted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var created = await ExternalCommand.RunAsync("dotnet",
            [RepositoryPaths.ServerAssembly, "keys", "create", "--account", "333333333333", "--data-dir", _server.DataDirectory], cancellation);
        Assert.True(created.ExitCode == 0, created.ToString());
        var line = created.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1].Split(',');
        var (id, secret) = (line[0], line[1]);
        Assert.Equal("333333333333", line[2]);

        var accepted = await EventuallyAsync(() => ExternalCommand.AwsAsAsync(_server.Endpoint, id, secret, cancellation,
            "personalize", "create-dataset-group", "--name", "catalog-key"), r => r.ExitCode == 0);
        Assert.Contains(":333333333333:dataset-group/catalog-key", accepted.StandardOutput, StringComparison.Ordinal);
        var listed = await ExternalCommand.RunAsync("dotnet", [RepositoryPaths.ServerAssembly, "keys", "list", "--data-dir", _server.DataDirectory], cancellation);
        Assert.Contains($"{id},333333333333,ACTIVE", listed.StandardOutput, StringComparison.Ordinal);

        var revoked = await ExternalCommand.RunAsync("dotnet", [RepositoryPaths.ServerAssembly, "keys", "revoke", id, "--data-dir", _server.DataDirectory], cancellation);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        var refused = await EventuallyAsync(() => ExternalCommand.AwsAsAsync(_server.Endpoint, id, secret, cancellation,
            "personalize", "list-dataset-groups"), r => r.ExitCode != 0);
        Assert.Contains("UnrecognizedClientException", refused.StandardError, StringComparison.Ordinal);

        var catalog = await File.ReadAllBytesAsync(Path.Combine(_server.DataDirectory, "catalog.db"), cancellation);
        Assert.Equal(-1, catalog.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)));
        AssertNoSecretIn(_server.Output + created.StandardError + listed.StandardOutput, secret);
    }

    private static async Task<CommandResult> EventuallyAsync(Func<Task<CommandResult>> attempt, Func<CommandResult, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertNoSecretIn(string output, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), "a secret access key appears in the server's output");
        }
    }

    private static (string Id, string Secret) NewKey() =>
        ("AKAT" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
            RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40));
}
