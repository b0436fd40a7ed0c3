using Attune.Contracts.Batch;
using Attune.Grains.Serving;
using Orleans.Placement;

namespace Attune.Grains.Batch;

/// <summary>
/// A batch inference job's worker: deploys the job's solution version on its silo the way a campaign is deployed
/// (the model shared with any campaign of this silo serving it) and answers chunks of lines on every core. Placed at
/// random, so a job's workers spread over a cluster's silos.
/// </summary>
[RandomPlacement]
internal sealed class BatchInferenceWorkerGrain(CampaignDeployments deployments, RecommendationEngine engine) : Grain, IBatchInferenceWorkerGrain
{
    private Deployment? _deployment;

    public async Task<string[]> AnswerAsync(BatchInferenceChunk chunk)
    {
        var key = this.GetPrimaryKeyString();
        _deployment ??= await deployments.DeployForJobAsync(key,
            new CampaignSettings(chunk.SolutionVersionArn, chunk.ExplorationWeight, chunk.ExplorationItemAgeCutOffDays, MetadataEnabled: false),
            CancellationToken.None);
        var type = _deployment.Model.Recipe.Type;
        var output = new string[chunk.Lines.Length];
        // Off the grain's single-threaded scheduler, so the lines are scored on every core of the silo.
        await Task.Run(() => Parallel.ForAsync(0, output.Length, async (line, cancellationToken) =>
            output[line] = await BatchInferenceLines.AnswerAsync(engine, key, type, chunk, chunk.Lines[line], cancellationToken)));
        return output;
    }

    public Task FinishAsync()
    {
        Retire();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Retire();
        return Task.CompletedTask;
    }

    private void Retire()
    {
        if (_deployment is not null)
        {
            deployments.Retire(this.GetPrimaryKeyString());
            _deployment = null;
        }
    }
}
