using Attune.Contracts.Resources;
using Attune.Contracts.Serving;
using Attune.Recipes.Models;

namespace Attune.Grains.Tests.Serving;

public sealed class DeploymentTests : IDisposable
{
    private readonly ServingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Campaigns_on_one_version_share_one_loaded_model()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var first = await _world.AddCampaignAsync("first", version);
        var second = await _world.AddCampaignAsync("second", version);

        await _world.Deployments.DeployAsync(first, Token);
        await _world.Deployments.DeployAsync(second, Token);

        var a = await _world.Deployments.GetAsync(first, Token);
        var b = await _world.Deployments.GetAsync(second, Token);
        Assert.Same(a.Model, b.Model);
        Assert.Equal(1, _world.Deployments.LoadedModelCount);
    }

    [Fact]
    public async Task Swapping_versions_under_load_fails_no_request()
    {
        var (v1, v2) = await TwoVersionsAsync();
        var campaign = await _world.AddCampaignAsync("swap", v1);
        await _world.Deployments.DeployAsync(campaign, Token);
        using var stop = new CancellationTokenSource();
        int served = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await _world.Engine.RecommendAsync(
                    new RecommendationQuery { CampaignArn = campaign, UserId = "nobody", NumResults = 3 }, Token);
                Assert.Equal(3, result.Items.Length);
                Interlocked.Increment(ref served);
            }
        }, Token)).ToList();

        for (int swap = 0; swap <= 20; swap++)
        {
            // Each swap waits for a request served since the last one, so swaps overlap requests even on a busy machine.
            int before = Volatile.Read(ref served);
            while (Volatile.Read(ref served) == before && !load.Any(task => task.IsCompleted))
            {
                await Task.Delay(1, Token);
            }
            var target = swap % 2 == 0 ? v2 : v1;
            await _world.UpdateBodyAsync(campaign, body => body["solutionVersionArn"] = target);
            await _world.Deployments.DeployAsync(campaign, Token);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(served > 0);
        var final = await _world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "nobody", NumResults = 1 }, Token);
        Assert.Equal("i0", final.Items[0].ItemId);
        Assert.Equal(1, _world.Deployments.LoadedModelCount);
    }

    [Fact]
    public async Task An_update_in_progress_is_what_DeployAsync_loads_while_the_old_version_keeps_serving_elsewhere()
    {
        var (v1, v2) = await TwoVersionsAsync();
        var campaign = await _world.AddCampaignAsync("update", v1);
        await _world.UpdateBodyAsync(campaign, body => body["latestCampaignUpdate"] =
            new System.Text.Json.Nodes.JsonObject { ["solutionVersionArn"] = v2, ["status"] = "UPDATE IN_PROGRESS" });

        var before = await _world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "nobody", NumResults = 1 }, Token);
        await _world.Deployments.DeployAsync(campaign, Token);
        var after = await _world.Engine.RecommendAsync(new RecommendationQuery { CampaignArn = campaign, UserId = "nobody", NumResults = 1 }, Token);

        Assert.Equal("i9", before.Items[0].ItemId);
        Assert.Equal("i0", after.Items[0].ItemId);
    }

    [Fact]
    public async Task A_campaign_on_LATEST_serves_the_newest_active_version()
    {
        var (_, v2) = await TwoVersionsAsync();
        var campaign = await _world.AddCampaignAsync("latest", v2[..v2.LastIndexOf('/')] + CampaignRecord.LatestSuffix);

        await _world.Deployments.DeployAsync(campaign, Token);

        Assert.Equal(v2, (await _world.Deployments.GetAsync(campaign, Token)).Model.SolutionVersionArn);
    }

    [Fact]
    public async Task A_retired_campaign_no_longer_serves_and_unloads_its_model()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("gone", version);
        await _world.Deployments.DeployAsync(campaign, Token);

        await _world.Registry.DeleteAsync(campaign, Token);
        _world.Deployments.Retire(campaign);

        var error = await Assert.ThrowsAsync<ServingException>(() => _world.Deployments.GetAsync(campaign, Token).AsTask());
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal(0, _world.Deployments.LoadedModelCount);
    }

    [Fact]
    public async Task A_version_whose_artifact_is_missing_fails_the_deploy_and_a_later_deploy_retries()
    {
        var version = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel());
        var campaign = await _world.AddCampaignAsync("broken", version);
        File.Delete(_world.Artifacts.ModelPath(version));

        await Assert.ThrowsAsync<FileNotFoundException>(() => _world.Deployments.DeployAsync(campaign, Token));
        _world.Artifacts.WriteModel(version, stream => ModelSerializer.Write(ServingWorld.NeighborhoodModel(), stream));
        await _world.Deployments.DeployAsync(campaign, Token);

        Assert.Equal(version, (await _world.Deployments.GetAsync(campaign, Token)).Model.SolutionVersionArn);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Two versions of one solution; v2's popularity puts i0 first (v1's puts i9 first), so the answer shows which served.</summary>
    private async Task<(string V1, string V2)> TwoVersionsAsync()
    {
        var v1 = await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel(), "v1");
        float[] reversed = [.. ServingWorld.Popularity.Select((_, i) => (float)(10 - i))];
        return (v1, await _world.AddVersionAsync("up", "aws-user-personalization", ServingWorld.NeighborhoodModel(reversed), "v2"));
    }
}
