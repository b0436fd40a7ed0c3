using System.Diagnostics;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Models;

namespace Attune.Recipes.Blending;

/// <summary>
/// The default personalization model (<c>model=auto</c>): trains every part once on the data minus the validation
/// users' newest items, finds the part weights that maximise validation NDCG@10 (<see cref="BlendSearch"/>) and serves
/// those very parts composed with those weights. Validation users are FNV-1a bucket 1 of the data being trained on,
/// never the test users (bucket 0). See README.md for the protocol and the costs.
/// </summary>
internal static class PersonalizationBlend
{
    /// <summary>Most validation users scored; fewer on big catalogues (see <see cref="ValidationUsers"/>).</summary>
    public const int MaxValidationUsers = 2000;

    /// <summary>Fewest validation users scored when there are that many, however big the catalogue.</summary>
    public const int MinValidationUsers = 200;

    /// <summary>Fewer validation users than this say too little to weigh parts by: the prior is served.</summary>
    public const int MinSearchUsers = 25;

    /// <summary>Multiply-adds allowed for scoring the validation users' whole catalogue with every part.</summary>
    private const double ScoringBudget = 2e9;

    public static RecommendationModel Train(TrainingSet set, BlendSettings settings, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var split = HoldoutSplit.Create(set.Source, HoldoutSplit.ValidationBucket);
        if (split.Users.Count < MinSearchUsers)
        {
            // Too little to validate on (tiny data): the prior, EASE plus transitions at transition_weight, in model units,
            // trained on everything.
            var prior = Prior(settings, [.. Enumerable.Repeat(1f, BlendWeights.PartCount)]);
            var fallback = BlendParts.Train(set, settings, progress, cancellationToken).Compose(prior, cancellationToken);
            fallback.TrainingNote = $"prior served ({split.Users.Count} validation users): {prior} (model units)";
            return fallback;
        }

        var training = TrainingSet.Build(split.Training(), set.Events);
        var parts = BlendParts.Train(training, settings, new ScaledProgress(progress, 0, 0.85), cancellationToken);

        double partsSeconds = clock.Elapsed.TotalSeconds;
        var users = ValidationUsers(split.Users, set.ItemCount, settings.Als.Factors);
        var pool = ValidationPool.Build(parts, split, users, TrainingItems(split), cancellationToken);
        double poolSeconds = clock.Elapsed.TotalSeconds - partsSeconds;
        progress?.Report(0.95);
        var start = Prior(settings, pool.Scales);
        var (chosen, ndcg) = BlendSearch.Find(pool, start, cancellationToken);
        double searchSeconds = clock.Elapsed.TotalSeconds - partsSeconds - poolSeconds;
        var model = parts.Compose(ToModelUnits(chosen, pool.Scales), cancellationToken);
        model.TrainingNote = $"blend of {chosen} (normalised), validation NDCG@10 {ndcg:0.0000} on {users.Count} users "
            + $"(prior {BlendSearch.Ndcg(pool, start):0.0000}); parts {partsSeconds:0.00} s, pool {poolSeconds:0.00} s, "
            + $"search {searchSeconds:0.00} s, compose {clock.Elapsed.TotalSeconds - partsSeconds - poolSeconds - searchSeconds:0.00} s";
        progress?.Report(1);
        return model;
    }

    /// <summary>
    /// Evenly spaced validation users, as many as <see cref="ScoringBudget"/> allows for scoring every part over the
    /// whole catalogue, within [<see cref="MinValidationUsers"/>, <see cref="MaxValidationUsers"/>].
    /// </summary>
    internal static IReadOnlyList<HeldOutUser> ValidationUsers(IReadOnlyList<HeldOutUser> users, int itemCount, int factors)
    {
        int affordable = (int)Math.Min(MaxValidationUsers, Math.Max(MinValidationUsers, ScoringBudget / Math.Max(1.0, (double)itemCount * (factors + 8))));
        if (users.Count <= affordable)
        {
            return users;
        }

        return [.. Enumerable.Range(0, affordable).Select(i => users[(int)((long)i * users.Count / affordable)])];
    }

    /// <summary>The shipped neighbourhood default (EASE 1, transitions at transition_weight) in normalised units.</summary>
    private static BlendWeights Prior(BlendSettings settings, float[] scales)
    {
        var values = new float[BlendWeights.PartCount];
        values[(int)BlendPart.Ease] = 1;
        values[(int)BlendPart.Transitions] = settings.Scoring.TransitionWeight * scales[(int)BlendPart.Transitions] / scales[(int)BlendPart.Ease];
        return new BlendWeights(values);
    }

    private static BlendWeights ToModelUnits(BlendWeights normalised, float[] scales)
        => new([.. normalised.Values.Select((w, p) => w / scales[p])]);

    private static bool[] TrainingItems(HoldoutSplit split)
    {
        var present = new bool[split.Data.ItemCount];
        for (int row = 0; row < split.Data.Count; row++)
        {
            if (split.TrainingRows[row])
            {
                present[split.Data.Items[row]] = true;
            }
        }

        return present;
    }
}
