namespace Attune.ServiceModel.Tests;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Attune.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Attune.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Attune.sln above {AppContext.BaseDirectory}.");
    }
}
