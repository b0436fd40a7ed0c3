using Attune.Server.ControlPlane;
using Attune.Storage.Resources;

namespace Attune.Server.Hosting;

/// <summary>
/// Finishes every create or delete that a crash interrupted: each resource left in a transient status is handed
/// back to its lifecycle grain (or its job grain), so nothing stays pending. Runs when this silo starts and again
/// whenever the cluster declares another silo dead, since that silo's grains may have been mid-step (or waiting
/// to retry one) when it died. Advancing a resource that is already moving is harmless: its grain takes one
/// call at a time and goes on from the status it finds.
/// </summary>
internal sealed partial class RecoveryService(
    IResourceRegistry registry, Resources resources, IClusterMembershipService membership, ILocalSiloDetails localSilo,
    IHostApplicationLifetime lifetime, ILogger<RecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int Attempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo accepts grain calls only once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
        await RecoverAsync(stoppingToken);

        var dead = new HashSet<SiloAddress>();
        var first = true; // silos dead before this one started left their work to the recovery above
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            // This silo's own death is its shutdown: nothing to resume, and no one to warn.
            var newlyDead = snapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Dead && !m.SiloAddress.Equals(localSilo.SiloAddress) && dead.Add(m.SiloAddress))
                .Select(m => m.SiloAddress)
                .ToList();
            var recover = !first && newlyDead.Count > 0;
            first = false;
            if (recover)
            {
                LogSiloDied(logger, string.Join(", ", newlyDead));
                await RecoverAsync(stoppingToken);
            }
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var failed = 0;
            try
            {
                foreach (var record in await registry.ListTransientAsync(stoppingToken))
                {
                    try
                    {
                        LogResuming(logger, record.Kind, record.Arn, record.Status);
                        await resources.AdvanceAsync(record.Kind, record.Arn);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        failed++;
                        LogFailed(logger, record.Arn, error);
                    }
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failed++;
                LogFailed(logger, "(listing)", error);
            }
            if (failed == 0)
            {
                return;
            }
            // A dead silo's activations may still be in the directory for a moment: try the failed ones again.
            await Task.Delay(RetryDelay, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Kind} {Arn} left {Status} by the last run or a dead silo")]
    private static partial void LogResuming(ILogger logger, string kind, string arn, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo(s) {Silos} died; resuming what they left unfinished")]
    private static partial void LogSiloDied(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery of {Arn} failed")]
    private static partial void LogFailed(ILogger logger, string arn, Exception error);
}
