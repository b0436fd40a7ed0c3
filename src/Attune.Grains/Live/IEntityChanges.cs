namespace Attune.Grains.Live;

/// <summary>Tells serving that a group's Items or Users changed (PutItems, PutUsers), before the change is acknowledged.</summary>
public interface IEntityChanges
{
    Task ChangedAsync(string datasetGroupArn, CancellationToken cancellationToken);
}
