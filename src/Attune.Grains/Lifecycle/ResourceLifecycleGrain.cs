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
    /// <summary>How long to wait before trying a failed step again; a resource must never stay transient.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;

    public async Task AdvanceAsync()
    {
        _retry?.Dispose();
        _retry = null;
        var arn = this.GetPrimaryKeyString();
        try
        {
            await StepAsync(arn);
            DeactivateOnIdle();
        }
        catch (Exception error)
        {
            LogRetrying(logger, arn, RetryDelay, error);
            _retry = this.RegisterGrainTimer(
                AdvanceAsync, new GrainTimerCreationOptions(RetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private async Task StepAsync(string arn)
    {
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Kind} {Arn}")]
    private static partial void LogDeleted(ILogger logger, string kind, string arn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Advancing {Arn} failed; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string arn, TimeSpan delay, Exception error);

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
