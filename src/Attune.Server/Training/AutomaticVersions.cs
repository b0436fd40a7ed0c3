using Attune.Grains.Training;
using Attune.Server.ControlPlane;
using Attune.Server.Hosting;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Server.Training;

/// <summary>Automatic versions through the same factory as CreateSolutionVersion, in the solution's region and account.</summary>
internal sealed class AutomaticVersions(SolutionVersionFactory versions, IOptions<AttuneOptions> attune) : IAutomaticVersions
{
    public Task<string> StartAsync(ResourceRecord solution, double now)
    {
        var parts = solution.Arn.Split(':');
        var context = parts.Length > 4 && parts[4].Length > 0
            ? new CallContext(parts[3], parts[4], now, CancellationToken.None)
            : new CallContext(attune.Value.DefaultRegion, attune.Value.AccountId, now, CancellationToken.None);
        return versions.CreateAsync(solution, "AUTOTRAIN", "AUTOMATIC", null, [], context);
    }
}
