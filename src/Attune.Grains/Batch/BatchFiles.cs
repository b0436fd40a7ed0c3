using Attune.Storage.Objects;

namespace Attune.Grains.Batch;

/// <summary>A batch job's input file: its stored object, where its output goes, and its non-blank lines.</summary>
internal sealed record BatchFile(StoredObject Input, string OutputUri, string[] Lines);

/// <summary>Reads a batch job's input files through the object store and names their outputs as Personalize does.</summary>
internal static class BatchFiles
{
    /// <summary>
    /// Every input object under <paramref name="inputPath"/> with its lines (blank lines are not records) and its output
    /// <c>&lt;output path&gt;/&lt;input file name&gt;.out</c>. <see cref="BatchJobFailedException"/> when there is nothing to read.
    /// </summary>
    public static async Task<IReadOnlyList<BatchFile>> ReadAsync(IObjectStore objects, string inputPath, string outputPath, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredObject> stored;
        try
        {
            stored = await objects.ListAsync(inputPath, cancellationToken);
        }
        catch (ObjectLocationException error)
        {
            throw new BatchJobFailedException($"Failed to read the input data at {inputPath}: {error.Message}");
        }
        var scratch = Directory.CreateTempSubdirectory("attune-batch-").FullName;
        try
        {
            var files = new List<BatchFile>(stored.Count);
            foreach (var input in stored)
            {
                var local = await objects.FetchAsync(input, scratch, cancellationToken);
                var lines = (await File.ReadAllLinesAsync(local, cancellationToken)).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
                files.Add(new BatchFile(input, OutputUri(outputPath, input.Key), lines));
            }
            return files;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Writes a file's output lines whole (the object exists only once complete).</summary>
    public static Task WriteAsync(IObjectStore objects, string uri, IReadOnlyList<string> lines, CancellationToken cancellationToken) =>
        objects.WriteAsync(uri, async (stream, token) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            foreach (var line in lines)
            {
                await writer.WriteAsync(line.AsMemory(), token);
                await writer.WriteAsync('\n');
            }
        }, cancellationToken);

    private static string OutputUri(string outputPath, string inputKey)
    {
        var name = inputKey[(inputKey.LastIndexOfAny(['/', '\\']) + 1)..];
        return $"{outputPath.TrimEnd('/')}/{name}.out";
    }
}

/// <summary>A batch job's failure with the failureReason to show.</summary>
internal sealed class BatchJobFailedException(string message) : Exception(message);
