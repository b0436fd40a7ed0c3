namespace Attune.Storage.Tests;

/// <summary>Locations the tests read: the datasets shipped in the repository's data/ folder (beside Attune.sln).</summary>
internal static class TestPaths
{
    public static string RepositoryData { get; } = FindRepositoryData();

    public static string MovieLens(string file) => Path.Combine(RepositoryData, "ml-latest-small", file);

    public static string SyntheticUsers => Path.Combine(RepositoryData, "synthetic-users", "users.csv");

    private static string FindRepositoryData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Attune.sln")))
            {
                return Path.Combine(directory.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException("Attune.sln not found above the test binary.");
    }
}
