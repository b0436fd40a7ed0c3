using System.Security.Cryptography;
using Attune.Contracts.Resources;
using Attune.Contracts.Training;
using Attune.Storage.Resources;

namespace Attune.Grains.Recommenders;

/// <summary>
/// A recommender's models are solution versions owned by the recommender (ARN &lt;recommenderArn&gt;/&lt;id&gt;), trained by
/// the same grain as any solution version: the recommender's record stands in for the solution (its recipeArn and
/// dataset group), and the version copies its trainingDataConfig. It serves the newest ACTIVE one.
/// </summary>
public sealed class RecommenderModels(IResourceRegistry registry, IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether a solution version is a recommender's model (its parent is a recommender, not a solution).</summary>
    public static bool IsModel(ResourceRecord version) =>
        version.ParentArn?.Contains($":{ResourceKinds.Recommender}/", StringComparison.Ordinal) == true;

    /// <summary>The recommender's models, newest first.</summary>
    public async Task<IReadOnlyList<ResourceRecord>> ListAsync(string recommenderArn, CancellationToken cancellationToken) =>
        [.. (await registry.ListLiveChildrenAsync(recommenderArn, [ResourceKinds.SolutionVersion], cancellationToken))
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Sequence)];

    /// <summary>The newest ACTIVE model, or null before the first training ends.</summary>
    public async Task<ResourceRecord?> ServedAsync(string recommenderArn, CancellationToken cancellationToken) =>
        (await ListAsync(recommenderArn, cancellationToken)).FirstOrDefault(v => v.Status == ResourceStatus.Active);

    /// <summary>
    /// The model the recommender's current trainingDataConfig asks for: the newest ACTIVE or training one made with
    /// that config, else a new training (a create, or an update that changed the columns).
    /// </summary>
    public async Task<string> EnsureAsync(ResourceRecord recommender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        var wanted = ConfigText(DescribeBody.Read<RecommenderRecord>(recommender.Body).RecommenderConfig?.TrainingDataConfig);
        var usable = (await ListAsync(recommender.Arn, cancellationToken)).FirstOrDefault(v =>
            (v.Status == ResourceStatus.Active || ResourceStatus.IsTransient(v.Status))
            && ConfigText(DescribeBody.Read<SolutionVersionRecord>(v.Body).SolutionConfig?.TrainingDataConfig) == wanted);
        return usable?.Arn ?? await TrainAsync(recommender, "MANUAL", cancellationToken);
    }

    /// <summary>Stores a new model in CREATE PENDING and starts its training; returns its ARN.</summary>
    public async Task<string> TrainAsync(ResourceRecord recommender, string trainingType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        var body = DescribeBody.Read<RecommenderRecord>(recommender.Body);
        var arn = $"{recommender.Arn}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var version = new SolutionVersionRecord
        {
            SolutionVersionArn = arn,
            SolutionArn = recommender.Arn,
            RecipeArn = body.RecipeArn,
            DatasetGroupArn = body.DatasetGroupArn,
            SolutionConfig = new SolutionConfig { TrainingDataConfig = body.RecommenderConfig?.TrainingDataConfig },
            Name = body.Name,
            TrainingMode = "FULL",
            TrainingType = trainingType,
            TrainingProgress = TrainingProgressReport.Queued,
            Status = ResourceStatus.CreatePending,
            CreationDateTime = now,
            LastUpdatedDateTime = now,
        };
        var record = new ResourceRecord(arn, ResourceKinds.SolutionVersion, body.Name, recommender.Arn, ResourceStatus.CreatePending, now, now,
            DescribeBody.Text(version));
        await registry.TryInsertAsync(record, [], cancellationToken);
        await grains.GetGrain<ISolutionVersionGrain>(arn).StartAsync();
        return arn;
    }

    /// <summary>Waits until the model's training has ended; returns its final record (null when it was deleted).</summary>
    public async Task<ResourceRecord?> WaitAsync(string versionArn, CancellationToken cancellationToken)
    {
        while (true)
        {
            var version = await registry.GetAsync(versionArn, cancellationToken);
            if (version is null || !ResourceStatus.IsTransient(version.Status))
            {
                return version;
            }
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    private static string ConfigText(TrainingDataConfig? config) => config is null ? string.Empty : DescribeBody.Text(config);
}
