namespace Attune.Storage.Tests;

/// <summary>Locations the tests read: the datasets shipped in the repository's data/ folder (beside Attune.sln).</summary>
internal static class TestPaths
{
    public static string RepositoryData => RepositoryRoot.Data;

    public static string MovieLens(string file) => Path.Combine(RepositoryData, "ml-latest-small", file);

    public static string SyntheticUsers => Path.Combine(RepositoryData, "synthetic-users", "users.csv");
}
