using Attune.Grains.Live;

namespace Attune.Server.Hosting;

/// <summary>Flushes the <see cref="ItemActivityBuffer"/> to the ItemGrains every few seconds and once more at shutdown.</summary>
internal sealed partial class ItemActivityFlushService(ItemActivityBuffer buffer, TimeProvider clock, ILogger<ItemActivityFlushService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ItemActivityBuffer.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        try
        {
            await buffer.FlushAsync();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFlushFailed(log, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item activity did not reach its grains (exploration statistics only)")]
    private static partial void LogFlushFailed(ILogger logger, Exception error);
}
