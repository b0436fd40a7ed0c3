using Attune.Server.ControlPlane;
using Attune.Storage.Catalog;

namespace Attune.Server.Hosting;

/// <summary>
/// After a restart, finishes every create or delete that a crash interrupted: each resource left in a
/// transient status is handed back to its lifecycle grain (or its job grain), so nothing stays pending.
/// </summary>
internal sealed partial class RecoveryService(
    ICatalog catalog, Resources resources, IHostApplicationLifetime lifetime, ILogger<RecoveryService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The silo accepts grain calls only once the host has started.
        lifetime.ApplicationStarted.Register(() => _ = RecoverAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RecoverAsync()
    {
        try
        {
            foreach (var record in await catalog.ListTransientAsync())
            {
                LogResuming(logger, record.Kind, record.Arn, record.Status);
                await resources.AdvanceAsync(record.Kind, record.Arn);
            }
        }
        catch (Exception error)
        {
            LogFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Kind} {Arn} left {Status} by the last run")]
    private static partial void LogResuming(ILogger logger, string kind, string arn, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery of interrupted resources failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
