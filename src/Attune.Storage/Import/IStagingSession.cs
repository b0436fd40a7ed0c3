namespace Attune.Storage.Import;

/// <summary>
/// The backend side of one bulk import, driven by <see cref="CsvImporter"/>: rows go to a staging batch in bounded
/// transactions; <see cref="Finish"/> publishes the batch in one short transaction; <see cref="Abandon"/> forgets it.
/// </summary>
public interface IStagingSession : IDisposable
{
    ImportRequest Request { get; }

    long Rows { get; }

    TimeSpan LongestTransaction { get; }

    /// <summary>True once the publishing transaction committed: the import is visible and must not be undone.</summary>
    bool Published { get; }

    /// <summary>A writer for a file whose header mapped the schema fields to <paramref name="sources"/>.</summary>
    RowWriter WriterFor(int[] sources);

    /// <summary>Counts a written row; at each transaction boundary commits and returns true.</summary>
    bool CountRow();

    /// <summary>Publishes the batch, then drops what a FULL import replaced.</summary>
    void Finish();

    /// <summary>Rolls back the open staging transaction and removes the batch: it will never commit.</summary>
    void Abandon();
}
