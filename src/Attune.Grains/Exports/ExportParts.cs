using System.Text;
using Attune.Storage.Datasets;
using Attune.Storage.Objects;
using Attune.Storage.Schemas;

namespace Attune.Grains.Exports;

/// <summary>
/// Writes a dataset's rows as CSV parts <c>&lt;path&gt;/&lt;job name&gt;_&lt;n&gt;.csv</c> (n from 1, the header in each,
/// at most <c>rowsPerPart</c> rows), each part whole through <see cref="IObjectStore.WriteAsync"/>. A part that already
/// exists was written whole by an earlier run, so its rows are skipped rather than written twice: an export resumed
/// after a crash writes only the parts it lacks. Rows are read in one snapshot per run, so a resumed run continues from
/// the data as it is then.
/// </summary>
public sealed class ExportParts(IObjectStore objects, string path, string jobName, int rowsPerPart = ExportParts.DefaultRowsPerPart)
{
    public const int DefaultRowsPerPart = 1_000_000;

    public string Uri(int part) => $"{(path.EndsWith('/') ? path : path + "/")}{jobName}_{part}.csv";

    /// <summary>Writes the missing parts on the calling thread's async flow; returns the rows of all parts.</summary>
    public async Task<long> WriteAsync(IDatasetStore store, DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var rows = store.ReadRows(type, fields, origins).GetEnumerator();
        var scratch = Path.Combine(Path.GetTempPath(), $"attune-export-{Guid.NewGuid():N}.csv");
        long done = 0;
        try
        {
            for (var part = 1; ; part++)
            {
                var uri = Uri(part);
                long count;
                if (await objects.ExistsAsync(uri, cancellationToken))
                {
                    count = Skip(rows);
                }
                else
                {
                    count = WritePart(scratch, fields, rows);
                    if (count == 0 && part > 1)
                    {
                        break; // the previous part ended exactly at the last row
                    }
                    await objects.WriteAsync(uri, async (stream, token) =>
                    {
                        await using var file = File.OpenRead(scratch);
                        await file.CopyToAsync(stream, token);
                    }, cancellationToken);
                }
                done += count;
                progress?.Report(done);
                if (count < rowsPerPart)
                {
                    break;
                }
            }
        }
        finally
        {
            File.Delete(scratch);
        }
        return done;
    }

    private long WritePart(string scratch, IReadOnlyList<SchemaField> fields, IEnumerator<object?[]> rows)
    {
        using var writer = new StreamWriter(scratch, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        CsvRows.WriteHeader(writer, fields);
        long count = 0;
        while (count < rowsPerPart && rows.MoveNext())
        {
            CsvRows.WriteRow(writer, fields, rows.Current);
            count++;
        }
        return count;
    }

    private long Skip(IEnumerator<object?[]> rows)
    {
        long count = 0;
        while (count < rowsPerPart && rows.MoveNext())
        {
            count++;
        }
        return count;
    }
}
