namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>tests/Attune.EndToEnd.Tests/js: the npm packages some tests run (the JS SDK v3, s3rver), installed once by `npm ci`.</summary>
public static class JsPackages
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Attune.EndToEnd.Tests", "js");

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await Installing.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json"))
                && File.GetLastWriteTimeUtc(Path.Combine(Folder, "node_modules", ".package-lock.json")) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
            {
                return;
            }

            var install = await ExternalCommand.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], cancellationToken, TimeSpan.FromMinutes(5), Folder);
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed:\n{install}");
            }
        }
        finally
        {
            Installing.Release();
        }
    }
}
