namespace Attune.Storage.Events;

/// <summary>
/// The dataset group's storage was deleted (possibly by another silo) after this writer opened it, or while it was
/// closed; nothing of the batch was stored. Callers answer it as Personalize does for a deleted resource.
/// </summary>
public sealed class DatasetGroupDeletedException(string datasetGroupArn)
    : Exception($"The dataset group {datasetGroupArn} was deleted; its event log is closed.")
{
    public string DatasetGroupArn { get; } = datasetGroupArn;
}
