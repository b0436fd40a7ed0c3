namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>
/// Tests that kill a silo and time the survivors' recovery run alone, after the others: with other clusters starting
/// at once on 2 cores, a starved survivor misses its fast membership probes, is declared dead and stops itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillTests
{
    public const string Name = "kill tests, run alone";
}
