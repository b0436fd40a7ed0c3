using System.Diagnostics;

namespace Attune.ServiceModel.Tests;

/// <summary>Guards that the embedded models are exactly what tools/extract-service-model.py makes from the installed botocore.</summary>
public sealed class ModelDriftTests
{
    private static readonly string[] Services = ["personalize", "personalize-runtime", "personalize-events"];

    [Fact]
    public async Task Embedded_models_match_a_fresh_extraction_from_botocore()
    {
        var token = TestContext.Current.CancellationToken;
        var root = RepositoryRoot.Path;
        var (botocoreCode, _) = await RunPython(root, ["-c", "import botocore"], token);
        if (botocoreCode != 0)
        {
            Assert.Skip("python3 with botocore is not installed, so drift cannot be checked here.");
        }

        var outDir = Directory.CreateTempSubdirectory("attune-model-").FullName;
        try
        {
            var (code, stderr) = await RunPython(root, ["tools/extract-service-model.py", "--out", outDir], token);
            Assert.True(code == 0, $"extract-service-model.py failed ({code}): {stderr}");
            Assert.Equal(Services.Order(), Directory.GetFiles(outDir).Select(Path.GetFileNameWithoutExtension).Order());
            foreach (var service in Services)
            {
                var fresh = await File.ReadAllBytesAsync(Path.Combine(outDir, service + ".json"), token);
                Assert.True(
                    fresh.AsSpan().SequenceEqual(ReadEmbedded(service)),
                    $"The embedded {service}.json differs from botocore's model. Run `python3 tools/extract-service-model.py` " +
                    "from the repository root, rebuild, and commit src/Attune.ServiceModel/Model/*.json.");
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    private static byte[] ReadEmbedded(string service)
    {
        using var stream = typeof(ServiceModel).Assembly.GetManifestResourceStream($"Attune.ServiceModel.{service}.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<(int ExitCode, string Stderr)> RunPython(string workingDirectory, string[] arguments, CancellationToken token)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(token);
            await process.StandardOutput.ReadToEndAsync(token);
            await process.WaitForExitAsync(token);
            return (process.ExitCode, await stderr);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }
}
