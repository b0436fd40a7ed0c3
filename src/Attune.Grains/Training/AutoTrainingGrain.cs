using Attune.Contracts.Training;
using Attune.Server.ControlPlane;
using Attune.Server.Wire;
using Attune.Storage.Catalog;
using Microsoft.Extensions.Options;

namespace Attune.Server.Training;

/// <summary>Checks a solution's schedule against the catalog and starts an AUTOMATIC version when it is due.</summary>
internal sealed class AutoTrainingGrain(
    ICatalog catalog, SolutionVersionFactory versions, TimeProvider clock, IOptions<AutoTrainingOptions> options, IOptions<Hosting.AttuneOptions> attune)
    : Grain, IAutoTrainingGrain
{
    public async Task<string?> CheckAsync()
    {
        var solution = await catalog.GetAsync(this.GetPrimaryKeyString());
        if (solution is null || solution.Kind != ResourceKinds.Solution)
        {
            return null;
        }
        var existing = await catalog.ListLiveChildrenAsync(solution.Arn, [ResourceKinds.SolutionVersion]);
        double now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (AutoTrainingSchedule.DueAt(solution, existing, options.Value) is not { } due || due > now)
        {
            return null;
        }
        var context = new CallContext(attune.Value.DefaultRegion, attune.Value.AccountId, now, CancellationToken.None);
        return await versions.CreateAsync(solution, "AUTOTRAIN", "AUTOMATIC", null, [], context);
    }
}
