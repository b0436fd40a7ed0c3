namespace Attune.Tests;

/// <summary>
/// The repository's folders, found from the test binary's location (the folder holding Attune.sln); compiled into
/// every test project by tests/Directory.Build.props.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The datasets shipped in the repository (data/README.md).</summary>
    public static string Data => System.IO.Path.Combine(Path, "data");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Attune.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Attune.sln above {AppContext.BaseDirectory}.");
    }
}
