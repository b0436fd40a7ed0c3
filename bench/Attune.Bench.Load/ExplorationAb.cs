using System.Globalization;
using System.Text.Json.Nodes;

namespace Attune.Bench.Load;

/// <summary>
/// What exploration costs when every item is young: the campaign with the default config (explorationWeight 0.3) against
/// a campaign on the same solution version with explorationWeight 0, closed loop at each connection count, the two
/// alternated round by round so the machine's other load falls on both alike.
/// </summary>
internal static class ExplorationAb
{
    private const int Rounds = 2;

    public static async Task<(IReadOnlyList<StepResult> Steps, string Summary)> RunAsync(
        HttpClient http, string endpoint, ControlPlane control, BenchCampaign explored, LoadOptions options)
    {
        var plain = await CampaignSetup.AddCampaignAsync(control, explored, "no-exploration",
            new JsonObject { ["itemExplorationConfig"] = new JsonObject { ["explorationWeight"] = "0" } });
        var arms = new[] { ("default config", explored), ("explorationWeight 0", plain) }
            .Select(arm => (Name: arm.Item1, Runner: new LoadRunner(http, endpoint, new RequestMix(arm.Item2, options.FilterShare))))
            .ToList();
        foreach (var (_, runner) in arms)
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
                foreach (var (name, runner) in arms)
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
        return (steps, string.Join(";\n", summary) + ".");
    }
}
