using System.Diagnostics;
using Attune.Storage.Csv;
using Attune.Storage.Datasets;

namespace Attune.Storage.Import;

/// <summary>
/// Streams CSV files into a dataset, all-or-nothing. Rows are parsed, validated and written to a staging table in
/// transactions of <see cref="RowsPerTransaction"/> rows (so other writers wait milliseconds, not seconds); the import
/// becomes visible in one short final transaction. A failure, cancellation or crash leaves the dataset unchanged.
/// </summary>
public static class CsvImporter
{
    /// <summary>Rows per staging transaction: bounds how long the group's write lock is held at a time.</summary>
    public const int RowsPerTransaction = 5_000;

    /// <summary>Progress is reported after the first staging transaction, then at most this often, and once at the end.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The failureReason for a job whose import <see cref="IDatasetStore.DiscardInterruptedImports"/> discarded.</summary>
    public const string InterruptedReason = "The import was interrupted by a restart of the service before it completed; no data was imported.";

    /// <summary>
    /// Runs an import through <paramref name="session"/> (see <see cref="Datasets.IDatasetStore.Import"/>), disposing it.
    /// Reports rows done (see <see cref="ProgressInterval"/>).
    /// </summary>
    public static ImportResult Run(IStagingSession session, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var throttled = progress is null ? null : new ThrottledProgress(progress, ProgressInterval);
            foreach (var file in session.Request.Files)
            {
                ImportFile(session, file, throttled, cancellationToken);
            }

            if (session.Rows == 0)
            {
                throw new ImportFailedException("The input contains no data rows.");
            }

            session.Finish();
            progress?.Report(session.Rows);
            return new ImportResult(session.Rows, clock.Elapsed, session.LongestTransaction);
        }
        catch when (!session.Published)
        {
            // Once published the data is visible and acknowledged; a later failure (dropping replaced batches) is
            // finished by DiscardInterruptedImports instead.
            session.Abandon();
            throw;
        }
        finally
        {
            session.Dispose();
        }
    }

    private static void ImportFile(IStagingSession session, string path, ThrottledProgress? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var name = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportFailedException($"Cannot read {name}: {e.Message}", e);
        }

        using var reader = new CsvReaderSource(stream);
        try
        {
            if (!reader.Csv.Read())
            {
                throw new ImportFailedException("The file is empty: its first line must be a header.");
            }

            var header = Enumerable.Range(0, reader.Csv.FieldCount).Select(i => reader.Csv[i].ToString()).ToList();
            var writer = session.WriterFor(ColumnMap.FromHeader(session.Request.Schema, header));
            while (reader.Csv.Read())
            {
                if (reader.Csv.FieldCount != header.Count)
                {
                    throw new RowException($"expected {header.Count} values but found {reader.Csv.FieldCount}.");
                }

                writer.Write(reader);
                if (session.CountRow())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(session.Rows);
                }
            }
        }
        catch (RowException e)
        {
            throw new ImportFailedException($"Line {reader.Csv.LineNumber} of {name}: {e.Message}");
        }
        catch (CsvFormatException e)
        {
            throw new ImportFailedException($"Line {e.LineNumber} of {name}: {e.Message}");
        }
        catch (ImportFailedException e) when (!e.Message.StartsWith("Line ", StringComparison.Ordinal))
        {
            throw new ImportFailedException($"{e.Message} (file {name})");
        }
    }

    private sealed class CsvReaderSource(Stream stream) : IRowSource, IDisposable
    {
        public CsvRecordReader Csv { get; } = new(stream);

        public ReadOnlySpan<char> Field(int index) => Csv[index];

        public void Dispose() => Csv.Dispose();
    }
}
