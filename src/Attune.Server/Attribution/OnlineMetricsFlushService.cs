namespace Attune.Server.Attribution;

/// <summary>Flushes the <see cref="OnlineMetricsBuffer"/> to the resources' grains every second and once more at shutdown.</summary>
internal sealed partial class OnlineMetricsFlushService(OnlineMetricsBuffer buffer, TimeProvider clock, ILogger<OnlineMetricsFlushService> log)
    : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await buffer.FlushAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFlushFailed(log, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Online metrics did not reach their grains (a second of them is lost)")]
    private static partial void LogFlushFailed(ILogger logger, Exception error);
}
