using System.Collections.Concurrent;
using System.Diagnostics;
using Attune.Contracts.Serving;
using Attune.Grains.Diagnostics;

namespace Attune.Server.Tests.Runtime;

/// <summary>
/// The serving path's "Attune" spans: one per shard scored when something listens, and nothing at all, not even an
/// allocation, when nothing does. The only tests that attach a listener, so they run one after the other.
/// </summary>
public sealed class ServingSpansTests : IDisposable
{
    private readonly ServingWorld _world = new(shards: 3);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_listened_recommendation_reports_one_scoring_span_per_shard()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("up", version);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AttuneActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        // The listener hears every test running meanwhile: this request's spans are those of this trace.
        using var request = new Activity("request").Start();
        await _world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "u2", NumResults = 4 }, TestContext.Current.CancellationToken);

        var shards = spans.Where(s => s.OperationName == "shard.select" && s.TraceId == request.TraceId).Select(s => (int)s.GetTagItem("attune.shard")!).Order();
        Assert.Equal([0, 1, 2], shards);
    }

    [Fact]
    public void An_unobserved_span_is_null_and_allocates_nothing()
    {
        Assert.False(AttuneActivities.Source.HasListeners());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            // The pattern every Attune span follows.
            using var activity = AttuneActivities.Source.StartActivity("shard.select");
            activity?.SetTag("attune.shard", i);
            Assert.Null(activity);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
