using Attune.Contracts.Training;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Grains.Training;

/// <summary>Checks a solution's schedule against the registry and starts an AUTOMATIC version when it is due.</summary>
internal sealed class AutoTrainingGrain(
    IResourceRegistry registry, IAutomaticVersions versions, TimeProvider clock, IOptions<AutoTrainingOptions> options)
    : Grain, IAutoTrainingGrain
{
    public async Task<string?> CheckAsync()
    {
        var solution = await registry.GetAsync(this.GetPrimaryKeyString());
        if (solution is null || solution.Kind != ResourceKinds.Solution)
        {
            return null;
        }
        var existing = await registry.ListLiveChildrenAsync(solution.Arn, [ResourceKinds.SolutionVersion]);
        double now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (AutoTrainingSchedule.DueAt(solution, existing, options.Value) is not { } due || due > now)
        {
            return null;
        }
        return await versions.StartAsync(solution, now);
    }
}
