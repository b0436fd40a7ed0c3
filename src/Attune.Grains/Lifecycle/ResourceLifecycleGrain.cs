using Attune.Contracts.Lifecycle;
using Attune.Storage.Catalog;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Lifecycle;

/// <inheritdoc cref="IResourceLifecycleGrain"/>
public sealed partial class ResourceLifecycleGrain(
    ICatalog catalog,
    IEnumerable<IResourceDeletionHandler> deletionHandlers,
    TimeProvider clock,
    ILogger<ResourceLifecycleGrain> logger) : Grain, IResourceLifecycleGrain
{
    public async Task AdvanceAsync()
    {
        var arn = this.GetPrimaryKeyString();
        var record = await catalog.GetAsync(arn);
        if (record is null)
        {
            return;
        }
        switch (record.Status)
        {
            case ResourceStatus.CreatePending:
                record = record.WithStatus(ResourceStatus.CreateInProgress, Now());
                await catalog.UpdateAsync(record);
                await catalog.UpdateAsync(record.WithStatus(ResourceStatus.Active, Now()));
                break;
            case ResourceStatus.CreateInProgress:
                await catalog.UpdateAsync(record.WithStatus(ResourceStatus.Active, Now()));
                break;
            case ResourceStatus.DeletePending:
            case ResourceStatus.DeleteInProgress:
                await catalog.UpdateAsync(record.WithStatus(ResourceStatus.DeleteInProgress, Now()));
                foreach (var handler in deletionHandlers.Where(h => h.Kind == record.Kind))
                {
                    await handler.DeleteOwnedDataAsync(arn, CancellationToken.None);
                }
                await catalog.DeleteAsync(arn);
                LogDeleted(logger, record.Kind, arn);
                break;
        }
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Kind} {Arn}")]
    private static partial void LogDeleted(ILogger logger, string kind, string arn);

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
