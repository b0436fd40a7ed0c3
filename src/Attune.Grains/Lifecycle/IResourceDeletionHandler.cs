namespace Attune.Grains.Lifecycle;

/// <summary>
/// Removes what a resource owns beyond its registry record (a dataset's rows, a group's database, a model
/// artifact) when the resource is deleted. One handler per kind; must be idempotent, since a crash
/// mid-delete runs it again.
/// </summary>
public interface IResourceDeletionHandler
{
    string Kind { get; }

    Task DeleteOwnedDataAsync(string arn, CancellationToken cancellationToken);
}
