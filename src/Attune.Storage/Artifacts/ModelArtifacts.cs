using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Attune.Storage.Artifacts;

/// <summary>
/// Trained models and their offline metrics as files under &lt;data-dir&gt;/models, one pair per solution
/// version ARN. Every write goes to a temporary file that is flushed and then renamed over the target, so a
/// reader (or a restart after kill -9) sees the old file or the new one, never half of one.
/// </summary>
public sealed class ModelArtifacts(string dataDirectory) : IModelArtifacts
{
    private readonly string _folder = Path.Combine(dataDirectory, "models");

    public string ModelPath(string solutionVersionArn) => Path.Combine(_folder, FileStem(solutionVersionArn) + ".model");

    public string MetricsPath(string solutionVersionArn) => Path.Combine(_folder, FileStem(solutionVersionArn) + ".metrics.json");

    public void WriteModel(string solutionVersionArn, Action<Stream> write) => WriteAtomically(ModelPath(solutionVersionArn), write);

    public Stream OpenModel(string solutionVersionArn) => File.OpenRead(ModelPath(solutionVersionArn));

    public void WriteMetrics(string solutionVersionArn, IReadOnlyDictionary<string, double> metrics) =>
        WriteAtomically(MetricsPath(solutionVersionArn), stream => JsonSerializer.Serialize(stream, metrics));

    public IReadOnlyDictionary<string, double> ReadMetrics(string solutionVersionArn)
    {
        var path = MetricsPath(solutionVersionArn);
        if (!File.Exists(path))
        {
            return new Dictionary<string, double>();
        }
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Dictionary<string, double>>(stream) ?? [];
    }

    public void Delete(string solutionVersionArn)
    {
        // A version that never trained (CREATE FAILED) on a server that never wrote a model has no folder to delete from.
        if (!Directory.Exists(_folder))
        {
            return;
        }
        File.Delete(ModelPath(solutionVersionArn));
        File.Delete(MetricsPath(solutionVersionArn));
    }

    private void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(_folder);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>ARNs contain '/' and ':'; a hash names the file, with the readable tail for people looking at the folder.</summary>
    private static string FileStem(string arn)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(arn)).AsSpan(0, 8));
        var tail = arn[(arn.LastIndexOf(':') + 1)..].Replace('/', '-');
        return $"{tail}-{hash}";
    }
}
