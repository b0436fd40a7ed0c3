using Attune.Grains.Live;

namespace Attune.Server.Hosting;

/// <summary>Runs <see cref="CatalogueFreshness.CheckAsync"/> every second on a silo, so PutItems taken by another silo shows here too.</summary>
internal sealed partial class CatalogueFreshnessService(CatalogueFreshness freshness, TimeProvider clock, ILogger<CatalogueFreshnessService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CatalogueFreshness.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await freshness.CheckAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogCheckFailed(log, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue freshness check failed; retrying in a second")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
