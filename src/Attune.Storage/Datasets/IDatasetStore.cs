using Attune.Storage.Events;
using Attune.Storage.Import;
using Attune.Storage.Schemas;

namespace Attune.Storage.Datasets;

/// <summary>
/// The imported data of one dataset group, whatever the backend: bulk imports through an import ledger
/// (all-or-nothing, a committed job never imported twice), Put* upserts, and dense columnar reads for training and serving.
/// </summary>
public interface IDatasetStore : IDisposable
{
    string DatasetGroupArn { get; }

    /// <summary>
    /// Streams the request's CSV files into the dataset on the calling thread (use <c>Task.Run</c> from a grain); reports rows
    /// done. Throws <see cref="ImportFailedException"/> (message = failureReason) for bad input and
    /// <see cref="OperationCanceledException"/> when cancelled; in both cases nothing is imported.
    /// </summary>
    ImportResult Import(ImportRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates and stores records given as field name (or its camelCase property key) → text value (CSV conventions) in
    /// one transaction. Entities replace earlier records with the same id. Throws <see cref="ArgumentException"/> naming
    /// the record and field for an invalid value, and then writes nothing.
    /// </summary>
    void Put(DatasetType type, AvroSchema schema, IReadOnlyList<IReadOnlyDictionary<string, string?>> records);

    /// <summary>All visible events of <paramref name="type"/> as columnar arrays in file order (bulk imports in commit order, then Put* events).</summary>
    InteractionData ReadInteractions(DatasetType type = DatasetType.Interactions);

    /// <summary>
    /// A principal's put-origin interactions after <paramref name="afterSequence"/>, in event-log order (what a UserGrain
    /// rebuilds from). The principal is a userId, or a sessionId for anonymous events no user has claimed yet.
    /// </summary>
    IReadOnlyList<StoredEvent> ReadEventLog(string principal, long afterSequence);

    /// <summary>One optional column of an event dataset aligned row by row with <see cref="ReadInteractions"/>; null where empty or absent.</summary>
    object?[] ReadInteractionColumn(string field, DatasetType type = DatasetType.Interactions);

    /// <summary>Items, users or actions with their metadata columns (all when <paramref name="columns"/> is null), ordered by first appearance of the id.</summary>
    EntityData ReadEntities(DatasetType type, IReadOnlyCollection<string>? columns = null);

    /// <summary>Visible rows of a dataset (committed bulk imports plus Put* rows).</summary>
    long CountRows(DatasetType type);

    /// <summary>Deletes everything stored for one dataset (bulk and Put* rows); shared id dictionaries stay.</summary>
    void DeleteDatasetData(DatasetType type);

    /// <summary>
    /// Removes what interrupted imports left behind and finishes replacements a crash cut short. Returns the job ARNs whose
    /// import never committed: mark them CREATE FAILED.
    /// </summary>
    IReadOnlyList<string> DiscardInterruptedImports();

    /// <summary>The row count of <paramref name="jobArn"/>'s import if it committed, else null: such a job must not be imported again.</summary>
    long? CommittedImportRows(string jobArn);

    /// <summary>True when a bulk import into this dataset has committed (INCREMENTAL imports need one first).</summary>
    bool HasBulkImport(DatasetType type);

    /// <summary>
    /// The visible rows of a dataset from the given origins, one value per field of <paramref name="fields"/> (ids as
    /// strings, null where empty), in a stable order: bulk imports in commit order then Put* rows for event datasets,
    /// entities by first appearance. Streamed inside one read snapshot; dispose the enumerator to end it.
    /// </summary>
    IEnumerable<object?[]> ReadRows(DatasetType type, IReadOnlyList<SchemaField> fields, RowOrigins origins);

    /// <summary>
    /// Removes every row of these users (bulk and put interactions and action interactions, Users rows, PutEvents'
    /// sessions and impressions) in one transaction that also records (<paramref name="jobArn"/>, <paramref name="batch"/>)
    /// and appends the users to the deletion log; done again for the same job and batch, it deletes nothing and returns
    /// the first run's counts, so a job resumed after a crash redoes its last batch safely.
    /// </summary>
    UserDeletion DeleteUsers(string jobArn, int batch, IReadOnlyList<string> userIds);

    /// <summary>Users appended to the deletion log after <paramref name="afterSequence"/> (what served models must forget).</summary>
    DeletedUsers ReadDeletedUsers(long afterSequence);
}
