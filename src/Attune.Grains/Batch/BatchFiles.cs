using Attune.Storage.Objects;

namespace Attune.Grains.Batch;

/// <summary>A batch job's input file: its stored object, where its output goes, its local copy and its record count.</summary>
internal sealed record BatchFile(StoredObject Input, string OutputUri, string LocalPath, long LineCount)
{
    /// <summary>The file's records, read as they are needed: its non-blank lines (a blank line is not a record).</summary>
    public IEnumerable<string> Lines() => File.ReadLines(LocalPath).Where(l => !string.IsNullOrWhiteSpace(l));
}

/// <summary>Reads a batch job's input files through the object store and names their outputs as Personalize does.</summary>
internal static class BatchFiles
{
    /// <summary>
    /// Every input object under <paramref name="inputPath"/>, fetched into <paramref name="scratch"/> (or read where it
    /// lies), with its output <c>&lt;output path&gt;/&lt;input file name&gt;.out</c>. <see cref="BatchJobFailedException"/>
    /// when there is nothing to read.
    /// </summary>
    public static async Task<IReadOnlyList<BatchFile>> ListAsync(
        IObjectStore objects, string inputPath, string outputPath, string scratch, CancellationToken cancellationToken)
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
        var files = new List<BatchFile>(stored.Count);
        foreach (var input in stored)
        {
            var local = await objects.FetchAsync(input, scratch, cancellationToken);
            var count = await Task.Run(() => File.ReadLines(local).LongCount(l => !string.IsNullOrWhiteSpace(l)), cancellationToken);
            files.Add(new BatchFile(input, OutputUri(outputPath, input.Key), local, count));
        }
        return files;
    }

    private static string OutputUri(string outputPath, string inputKey)
    {
        var name = inputKey[(inputKey.LastIndexOfAny(['/', '\\']) + 1)..];
        return $"{outputPath.TrimEnd('/')}/{name}.out";
    }
}

/// <summary>A batch job's failure with the failureReason to show.</summary>
internal sealed class BatchJobFailedException(string message) : Exception(message);
