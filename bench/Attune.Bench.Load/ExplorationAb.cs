using System.Globalization;
using System.Text.Json.Nodes;

namespace Attune.Bench.Load;

/// <summary>
/// What exploration costs when every item is young: the campaign with the default config (explorationWeight 0.3) against
/// a campaign on the same solution version with explorationWeight 0, closed loop at each connection count, the two
/// alternated A B B A (so the machine's other load and any warming up fall on both alike); then the engine alone in this process
/// for each (no HTTP, no grains, one thread), which shows exploration's own cost when the shared cores are noisy.
/// </summary>
internal static class ExplorationAb
{
    private const int Rounds = 2;

    public static async Task<(IReadOnlyList<StepResult> Steps, string Summary)> RunAsync(
        HttpClient http, ServerHost server, ControlPlane control, BenchCampaign explored, LoadOptions options)
    {
        string endpoint = server.Endpoint;
        var plain = await CampaignSetup.AddCampaignAsync(control, explored, "no-exploration",
            new JsonObject { ["itemExplorationConfig"] = new JsonObject { ["explorationWeight"] = "0" } });
        var arms = new[] { ("default config", explored), ("explorationWeight 0", plain) }
            .Select(arm => (Name: arm.Item1, Mix: new RequestMix(arm.Item2, options.FilterShare)))
            .Select(arm => (arm.Name, arm.Mix, Runner: new LoadRunner(http, endpoint, arm.Mix)))
            .ToList();
        foreach (var (_, _, runner) in arms)
        {
            await runner.ClosedLoopAsync(8, TimeSpan.FromSeconds(Math.Min(5, options.StepSeconds)));
        }
        var steps = new List<StepResult>();
        var summary = new List<string>();
        var step = TimeSpan.FromSeconds(options.StepSeconds);
        foreach (var connections in options.Concurrency)
        {
            var byArm = arms.ToDictionary(arm => arm.Name, _ => new List<StepResult>());
            for (int round = 1; round <= Rounds; round++)
            {
                foreach (var (name, _, runner) in InTurn(arms, round))
                {
                    var result = await runner.ClosedLoopAsync(connections, step);
                    result = result with { Step = $"{name}, {result.Step}, round {round}" };
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Step}: {result.Throughput:N0}/s, p99 {result.P99:F2} ms"));
                    byArm[name].Add(result);
                    steps.Add(result);
                }
            }
            double Rate(string name) => byArm[name].Sum(s => s.Completed) / byArm[name].Sum(s => s.Seconds);
            double WorstP99(string name) => byArm[name].Max(s => s.P99);
            summary.Add(string.Create(CultureInfo.InvariantCulture,
                $"{connections} connections: default config {Rate(arms[0].Name):N0}/s (worst p99 {WorstP99(arms[0].Name):F2} ms), explorationWeight 0 {Rate(arms[1].Name):N0}/s (worst p99 {WorstP99(arms[1].Name):F2} ms), ratio {Rate(arms[0].Name) / Rate(arms[1].Name):F2}"));
        }
        // The first engine run in this process also compiles the engine's code: keep that out of both arms.
        await EngineProbe.RunAsync(server.DataDirectory, server.ObjectRoot, arms[1].Mix, Environment.ProcessorCount, 5_000);
        var engineByArm = arms.ToDictionary(arm => arm.Name, _ => new List<StepResult>());
        for (int round = 1; round <= Rounds; round++)
        {
            foreach (var (name, mix, _) in InTurn(arms, round))
            {
                var (engineSteps, _) = await EngineProbe.RunAsync(server.DataDirectory, server.ObjectRoot, mix, Environment.ProcessorCount, 5_000);
                foreach (var engineStep in engineSteps)
                {
                    var result = engineStep with { Step = $"{name}, {engineStep.Step}, round {round}" };
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Step}: {result.Throughput:N0}/s, p99 {result.P99:F2} ms"));
                    engineByArm[name].Add(result);
                    steps.Add(result);
                }
            }
        }
        double EngineRate(string name) => engineByArm[name].Sum(s => s.Completed) / engineByArm[name].Sum(s => s.Seconds);
        summary.Add(string.Create(CultureInfo.InvariantCulture,
            $"engine only (one thread, both request kinds): default config {EngineRate(arms[0].Name):N0}/s, explorationWeight 0 {EngineRate(arms[1].Name):N0}/s, ratio {EngineRate(arms[0].Name) / EngineRate(arms[1].Name):F2}"));
        return (steps, string.Join(";\n", summary) + ".");
    }

    /// <summary>The arms in order in odd rounds, reversed in even ones.</summary>
    private static IEnumerable<T> InTurn<T>(IReadOnlyList<T> arms, int round) => round % 2 == 1 ? arms : arms.Reverse();
}
