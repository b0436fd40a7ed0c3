using System.Diagnostics;
using Attune.Grains.Serving;
using Attune.Recipes.Models;

namespace Attune.Bench.Load;

/// <summary>
/// Where a request's time goes: the stages of the serving path timed one by one over the bench's users, on the
/// deployment the server built and its whole model (mean microseconds per request).
/// </summary>
internal static class StageProbe
{
    public static IReadOnlyList<(string Stage, double Microseconds)> Run(Deployment deployment, RecommendationModel model, IReadOnlyList<string> users, int requests)
    {
        var served = deployment.Model;
        var scores = new float[served.ItemCount];
        var top = new int[25];
        var contributors = new int[50];
        var stages = new (string, Func<int, int>)[]
        {
            ("history lookup", i => served.Data.Histories.TryGet(users[i % users.Count], out var h, out _) ? h.Length : 0),
            ("model score (all items)", i =>
            {
                served.Data.Histories.TryGet(users[i % users.Count], out var h, out _);
                return model.TryScore(h, scores) ? 1 : 0;
            }),
            ("softmax normalizer", _ => (int)Softmax.LogNormalizer(scores)),
            ("top-25 selection", _ => TopK.Select(scores, top)),
            ("explanations (top contributors)", i =>
            {
                served.Data.Histories.TryGet(users[i % users.Count], out var h, out _);
                model.TopContributors(h, top, 2, contributors);
                return contributors[0];
            }),
        };
        var results = new List<(string, double)>();
        foreach (var (stage, run) in stages)
        {
            for (int i = 0; i < 200; i++)
            {
                run(i);
            }
            var started = Stopwatch.GetTimestamp();
            for (int i = 0; i < requests; i++)
            {
                run(i);
            }
            results.Add((stage, Stopwatch.GetElapsedTime(started).TotalMicroseconds / requests));
        }
        return results;
    }
}
