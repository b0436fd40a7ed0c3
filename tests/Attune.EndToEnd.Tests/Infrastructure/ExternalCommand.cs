using System.Diagnostics;

namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>The result of a finished external program.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs python3 scripts and the AWS CLI against a test server, with dummy credentials and no AWS config files.</summary>
public static class ExternalCommand
{
    /// <summary>Runs a program to its end; <paramref name="environment"/> is set after the dummy credentials (real keys for a sigv4 server).</summary>
    public static async Task<CommandResult> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = "attune-test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "attune-test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = string.Empty;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(5)); // a hang guard with room for a loaded 2-core host
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time.");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs scripts/&lt;name&gt; with python3: the endpoint first, then <paramref name="arguments"/>.</summary>
    public static Task<CommandResult> PythonAsync(
        string script, string endpoint, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("python3", [Path.Combine(RepositoryPaths.Scripts, script), endpoint, .. arguments], cancellationToken);

    /// <summary>Runs `aws personalize ...` against the endpoint and returns its result.</summary>
    public static Task<CommandResult> AwsAsync(string endpoint, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("aws", ["--endpoint-url", endpoint, "--output", "json", .. arguments], cancellationToken);

    /// <summary>`aws ...` signed with the given key (a sigv4 server).</summary>
    public static Task<CommandResult> AwsAsAsync(string endpoint, string accessKeyId, string secret, CancellationToken cancellationToken,
        params string[] arguments) =>
        RunAsync("aws", ["--endpoint-url", endpoint, "--output", "json", .. arguments], cancellationToken,
            environment: new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = accessKeyId, ["AWS_SECRET_ACCESS_KEY"] = secret });
}
