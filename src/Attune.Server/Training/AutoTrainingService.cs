using Attune.Contracts.Training;
using Attune.Grains.Recommenders;
using Attune.Grains.Training;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Server.Training;

/// <summary>
/// Every <see cref="AutoTrainingOptions.CheckInterval"/>, asks each ACTIVE solution's auto-training grain whether a
/// version is due, and retrains the recommenders whose model is <see cref="AutoTrainingOptions.RecommenderRetraining"/> old.
/// The schedule lives in the registry (solution and version times), so a restart loses nothing.
/// </summary>
internal sealed partial class AutoTrainingService(
    IResourceRegistry registry, IGrainFactory grains, RecommenderRetraining recommenders, IOptions<AutoTrainingOptions> options, TimeProvider clock, ILogger<AutoTrainingService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAllAsync(stoppingToken);
                foreach (var model in await recommenders.CheckAllAsync(stoppingToken))
                {
                    LogRetraining(log, model);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogCheckFailed(log, error);
            }
        }
    }

    private async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var page = await registry.ListAsync(ResourceKinds.Solution, "arn:", null, after, 100, cancellationToken);
            foreach (var solution in page.Items.Where(s => s.Status == ResourceStatus.Active))
            {
                if (await grains.GetGrain<IAutoTrainingGrain>(solution.Arn).CheckAsync() is { } version)
                {
                    LogStarted(log, version, solution.Arn);
                }
            }
            if (page.NextSequence is not { } next)
            {
                return;
            }
            after = next;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Automatic training started {Version} for {Solution}")]
    private static partial void LogStarted(ILogger logger, string version, string solution);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommender retraining started {Model}")]
    private static partial void LogRetraining(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic training check failed; retrying at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);
}
