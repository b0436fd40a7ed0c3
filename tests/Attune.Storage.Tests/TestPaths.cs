namespace Attune.Storage.Tests;

/// <summary>Locations the tests read: the shared datasets beside the repository (../shared from the folder holding Orleans.sln).</summary>
internal static class TestPaths
{
    public static string SharedData { get; } = FindSharedData();

    private static string FindSharedData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException("Orleans.sln not found above the test binary.");
    }
}
