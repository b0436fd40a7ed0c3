using Attune.Storage.Catalog;

namespace Attune.Grains.Imports;

/// <summary>
/// Writes an import's rows-done count into its job record (the extra member <c>rowsImported</c>) at most
/// twice a second. Reports arrive on the importer's thread and are written synchronously, so the last
/// progress write always lands before the job's final status.
/// </summary>
internal sealed class CatalogProgress(ICatalog catalog, string jobArn, TimeProvider clock) : IProgress<long>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public void Report(long value)
    {
        var now = clock.GetUtcNow();
        if (now - _lastWrite < Interval)
        {
            return;
        }
        _lastWrite = now;
        var record = catalog.GetAsync(jobArn).GetAwaiter().GetResult();
        if (record is not null)
        {
            catalog.UpdateAsync(record.WithBody(now.ToUnixTimeMilliseconds() / 1000.0, body => body["rowsImported"] = value))
                .GetAwaiter().GetResult();
        }
    }
}
