using Attune.Storage.Datasets;

namespace Attune.Grains.Deletions;

/// <summary>
/// A deletion job's store side: the input's users in batches of <see cref="UsersPerBatch"/>, each one store transaction
/// keyed by (job, batch number), so running it again after a crash redoes nothing and counts every user once.
/// </summary>
public static class DeletionBatches
{
    /// <summary>User ids per store transaction: large enough that the scans of the bulk tables are few.</summary>
    public const int UsersPerBatch = 10_000;

    /// <summary>Runs every batch on the calling thread; returns how many of the users had data (numDeleted).</summary>
    public static int Run(IDatasetStore store, string jobArn, List<string> users, IProgress<long>? progress)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(users);
        var deleted = 0;
        for (var batch = 0; batch * UsersPerBatch < users.Count; batch++)
        {
            var first = batch * UsersPerBatch;
            var ids = users.GetRange(first, Math.Min(UsersPerBatch, users.Count - first));
            deleted += store.DeleteUsers(jobArn, batch, ids).Users;
            progress?.Report(first + ids.Count);
        }
        return deleted;
    }
}
