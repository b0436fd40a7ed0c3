namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the repository (the folder with Attune.sln) and its folders, from the test binary's location.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>The datasets shipped in the repository (data/README.md).</summary>
    public static string Data => RepositoryRoot.Data;

    public static string Scripts => Path.Combine(AppContext.BaseDirectory, "scripts");

    /// <summary>The server build matching this test build's configuration (Debug or Release).</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release"
                : "Debug";
            return Path.Combine(Root, "src", "Attune.Server", "bin", configuration, "net10.0", "Attune.Server.dll");
        }
    }
}
