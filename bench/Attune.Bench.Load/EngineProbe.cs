using System.Diagnostics;
using System.Text.Json.Nodes;
using Attune.Contracts.Live;
using Attune.Contracts.Serving;
using Attune.Grains.Live;
using Attune.Grains.Serving;
using Attune.Grains.Serving.Shards;
using Attune.Recipes.Models;
using Attune.Storage.Artifacts;
using Attune.Storage.Resources;
using Attune.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attune.Bench.Load;

/// <summary>
/// The serving engine alone, in this process, on the server's own registry and artifacts: one thread, the same
/// request mix. Against the HTTP figures it splits the time into scoring and everything around it.
/// </summary>
internal static class EngineProbe
{
    public static async Task<(IReadOnlyList<StepResult> Steps, IReadOnlyList<string> Stages)> RunAsync(string dataDirectory, string objectRoot, RequestMix mix, int shards, int requests)
    {
        using var registry = new SqliteResourceRegistry(Path.Combine(dataDirectory, "catalog.db"));
        var artifacts = new ModelArtifacts(dataDirectory);
        var deployments = new CampaignDeployments(registry, artifacts, new SqliteDatasetStores(dataDirectory), TimeProvider.System,
            Options.Create(new ServingOptions { Shards = shards }));
        var engine = new RecommendationEngine(deployments, new FilterCache(registry, TimeProvider.System),
            new InProcessModelShards(artifacts), new NoLiveEvents(), new NoLiveEvents(), NullLogger<RecommendationEngine>.Instance);
        var queries = mix.Queries.Select(ToQuery).ToList();
        var deployment = await deployments.GetAsync(queries[0].CampaignArn, CancellationToken.None);
        RecommendationModel whole;
        using (var stream = artifacts.OpenModel(deployment.Model.SolutionVersionArn))
        {
            whole = ModelSerializer.Read(stream);
        }
        var stages = StageProbe.Run(deployment, whole, [.. queries.Select(q => q.UserId!)], requests)
            .Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Stage}: {s.Microseconds:F1} µs"))
            .ToList();
        Console.WriteLine("uncached stages, mean per request: " + string.Join("; ", stages));
        var results = new List<StepResult>();
        foreach (var (name, subset) in new[]
        {
            ("engine only, no filter", queries.Where(q => q.FilterArn is null).ToList()),
            ("engine only, genre filter", queries.Where(q => q.FilterArn is not null).ToList()),
        })
        {
            for (int i = 0; i < 500; i++)
            {
                await engine.RecommendAsync(subset[i % subset.Count], CancellationToken.None);
            }
            var ticks = new List<long>(requests);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (int i = 0; i < requests; i++)
            {
                long sent = Stopwatch.GetTimestamp();
                await engine.RecommendAsync(subset[i % subset.Count], CancellationToken.None);
                ticks.Add(Stopwatch.GetTimestamp() - sent);
            }
            var step = StepResult.From(name, ticks, 0, Stopwatch.GetElapsedTime(started).TotalSeconds);
            long perRequest = (GC.GetAllocatedBytesForCurrentThread() - allocated) / requests;
            results.Add(step with { Step = $"{name} ({shards} shards, {perRequest:N0} B allocated/request)" });
        }
        return (results, stages);
    }

    private static RecommendationQuery ToQuery(JsonObject body) => new()
    {
        CampaignArn = body["campaignArn"]!.GetValue<string>(),
        UserId = body["userId"]!.GetValue<string>(),
        NumResults = body["numResults"]!.GetValue<int>(),
        FilterArn = body["filterArn"]?.GetValue<string>(),
        FilterValues = body["filterValues"] is JsonObject values ? values.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) : null,
    };
}

/// <summary>The probe's users and items have no live events: it measures the engine and shards without any grain hop.</summary>
internal sealed class NoLiveEvents : ILiveHistories, IItemActivitySource
{
    public ValueTask<LiveEvent[]> ReadAsync(string datasetGroupArn, string userId, long afterSequence) => ValueTask.FromResult<LiveEvent[]>([]);

    public Task<LiveItemActivity[]> ReadAsync(string datasetGroupArn, IReadOnlyList<string> itemIds) =>
        Task.FromResult(new LiveItemActivity[itemIds.Count]);
}
