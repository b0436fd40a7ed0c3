using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>The server's command line: --help, and unknown options or invalid values refused before anything starts.</summary>
public sealed class StartupOptionTests
{
    [Fact]
    public async Task Help_lists_every_flag_with_its_default_and_exits_0()
    {
        var result = await ServerAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var flag in new[] { "--urls", "--data-dir", "--object-root", "--account-id", "--region", "--cluster", "--role",
                     "--silo-port", "--gateway-port", "--advertised-address", "--silo-name", "--allow-file-imports", "--file-root",
                     "--auth", "--access-keys", "--insecure" })
        {
            Assert.Contains(flag, result.StandardOutput, StringComparison.Ordinal);
        }
        Assert.Contains("default: http://127.0.0.1:5080", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("default: 11111", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--data-directory", "x", "unknown option '--data-directory'")]
    [InlineData("--Attune:Serving:Shardz", "4", "unknown setting 'Attune:Serving:Shardz'")]
    [InlineData("--silo-port", "eleven", "'eleven' at 'Orleans:SiloPort'")]
    [InlineData("--account-id", "123", "--account-id must be 12 digits")]
    [InlineData("--urls", "ftp://127.0.0.1:1", "'ftp://127.0.0.1:1' is not an http:// or https:// URL")]
    [InlineData("--role", "gateway", "--role gateway needs --cluster")]
    [InlineData("--Attune:Serving:Shards", "0", "Attune:Serving:Shards must be 1 to 1024")]
    [InlineData("--Attune:Serving:InteractionsPerEventTypeCap", "0", "InteractionsPerEventTypeCap must be a positive count")]
    [InlineData("--Attune:Imports:AllowFiles", "true", "--allow-file-imports needs at least one --file-root")]
    [InlineData("--Attune:AllowFileLocations", "true", "unknown setting 'Attune:AllowFileLocations'")]
    [InlineData("--Attune:Quotas:Defaults:Filters", "3", "unknown setting 'Attune:Quotas:Defaults:Filters'")]
    [InlineData("--Attune:Quotas:Accounts:000000000000:Filterz", "3", "unknown setting 'Attune:Quotas:Accounts:000000000000:Filterz'")]
    [InlineData("--Attune:Quotas:Accounts:42:Schemas", "3", "Attune:Quotas:Accounts:42 must be keyed by a 12-digit account id")]
    [InlineData("--Attune:Quotas:Defaults:Schemas", "-1", "Attune:Quotas:Defaults:Schemas must be 0 (unlimited) or more")]
    [InlineData("--Attune:Quotas:Defaults:ControlPlaneBurst", "lots", "'lots' at 'Attune:Quotas:Defaults:ControlPlaneBurst'")]
    [InlineData("--auth", "basic", "Attune:Auth:Mode must be none or sigv4")]
    [InlineData("--Attune:Console:SessionLifetime", "00:00:00", "Attune:Console:SessionLifetime must be positive")]
    [InlineData("--Attune:Console:MaxUploadBytes", "0", "Attune:Console:MaxUploadBytes must be at least 1")]
    [InlineData("--Attune:Console:MaxUploadByte", "5", "unknown setting 'Attune:Console:MaxUploadByte'")]
    [InlineData("--urls", "http://0.0.0.0:5099 --auth none", "add --insecure to mean it")]
    [InlineData("--access-keys", "/no/such/keys.csv", "--access-keys:")]
    [InlineData("--Attune:Auth:KeyEncryptionKey", "c2hvcnQ=", "KeyEncryptionKey must be the base64 of 32 bytes")]
    public async Task An_unknown_option_or_invalid_value_stops_the_server_naming_it(string option, string value, string message)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("attune-options-");
        var result = await ServerAsync(["--data-dir", dataDirectory.FullName, option, .. value.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Empty(dataDirectory.EnumerateFileSystemInfos()); // refused before anything was opened
        dataDirectory.Delete();
    }

    [Theory]
    [InlineData("http://0.0.0.0:{port}", "", "auth:        sigv4 (default for a server listening on http://0.0.0.0:", 403)]
    [InlineData("http://0.0.0.0:{port}", "--insecure", "auth:        none (--insecure", 200)]
    [InlineData("http://127.0.0.1:{port}", "", "auth:        none (every URL is loopback)", 200)]
    public async Task The_startup_block_says_the_auth_mode_that_listening_beyond_loopback_turns_on(string url, string extra, string banner, int unsignedStatus)
    {
        await using var started = new ServerProcess(extraArguments: ["--urls", url, .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        await started.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(started.Endpoint + "/"))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AmazonPersonalize.ListDatasetGroups");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains(banner, started.Output, StringComparison.Ordinal);
        Assert.Equal(unsignedStatus, (int)response.StatusCode);
    }

    private static Task<CommandResult> ServerAsync(params string[] arguments) =>
        ExternalCommand.RunAsync("dotnet", [RepositoryPaths.ServerAssembly, .. arguments], TestContext.Current.CancellationToken, TimeSpan.FromMinutes(1));
}
