using Attune.Recipes.Actions;
using Attune.Recipes.Catalog;
using Attune.Recipes.Data;
using Attune.Recipes.Evaluation;
using Attune.Recipes.Training;

namespace Attune.Recipes.Tests;

/// <summary>aws-next-best-action on generated data: two groups of users, each taking its own group's actions and declining the other's.</summary>
public sealed class NextBestActionTests
{
    private const long Now = 2_000_000;
    private const long Day = 86_400;

    /// <summary>Actions a0..a2 (category savings) and b0..b2 (travel); "expired" is the most taken but expired at Now; "cold" is unseen travel.</summary>
    private static ActionCatalog Catalog(int? repeatDays = null)
    {
        string[] ids = ["a0", "a1", "a2", "b0", "b1", "b2", "expired", "cold"];
        var category = new string?[] { "savings", "savings", "savings", "travel", "travel", "travel", "savings", "travel" };
        return new ActionCatalog(ids, new long?[ids.Length], [.. ids.Select(_ => repeatDays)],
            [null, null, null, null, null, null, Now - Day, null], [new CategoricalColumn("CATEGORY", category)]);
    }

    private static InteractionData Interactions(int usersPerGroup, int seed)
    {
        var random = new Random(seed);
        var builder = new InteractionDataBuilder();
        for (int u = 0; u < 2 * usersPerGroup; u++)
        {
            string own = u % 2 == 0 ? "a" : "b";
            string other = u % 2 == 0 ? "b" : "a";
            long t = 1_000_000 + (u * 10);
            for (int k = 0; k < 3; k++)
            {
                builder.Add($"u{u}", $"{own}{k}", t + k, random.NextDouble() < 0.8 ? "TAKEN" : "NOT_TAKEN");
                builder.Add($"u{u}", $"{other}{k}", t + k, random.NextDouble() < 0.1 ? "TAKEN" : "VIEWED");
            }

            builder.Add($"u{u}", "expired", t + 5, "TAKEN");
        }

        return builder.Build();
    }

    private static IReadOnlyList<ActionEvent> Took(ActionCatalog catalog, long at, params string[] actions) =>
        [.. actions.Select(id => new ActionEvent(Array.IndexOf(catalog.ActionIds, id), at, Taken: true))];

    [Fact]
    public void A_user_who_took_two_savings_actions_gets_the_third_first()
    {
        var catalog = Catalog();
        var model = NextBestActionTrainer.Train(Interactions(60, seed: 1), catalog, 14, TestContext.Current.CancellationToken);

        var top = model.Recommend(Took(catalog, Now - (30 * Day), "a0", "a1"), Now, 5);
        var other = model.Recommend(Took(catalog, Now - (30 * Day), "b0", "b1"), Now, 5);

        Assert.Equal("a2", catalog.ActionIds[top[0].Action]);
        Assert.Equal("b2", catalog.ActionIds[other[0].Action]);
        Assert.True(model.Weights.CoTaking > 0, $"co-taking weight {model.Weights.CoTaking}");
        Assert.All(top, s => Assert.InRange(s.Score, 0f, 1f));
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void An_expired_action_is_never_recommended_however_often_it_was_taken()
    {
        var catalog = Catalog();
        var model = NextBestActionTrainer.Train(Interactions(60, seed: 2), catalog, 14, TestContext.Current.CancellationToken);
        var scores = new float[model.ActionCount];
        model.Score([], scores);

        var all = model.Recommend([], Now, 100);

        Assert.Equal(scores.Max(), scores[Array.IndexOf(catalog.ActionIds, "expired")]);
        Assert.DoesNotContain(all, s => catalog.ActionIds[s.Action] == "expired");
        Assert.Equal(catalog.Count - 1, all.Count);
    }

    [Fact]
    public void An_action_taken_within_its_repeat_frequency_waits_until_the_days_have_passed()
    {
        var catalog = Catalog(repeatDays: 7);
        var model = NextBestActionTrainer.Train(Interactions(60, seed: 3), catalog, 14, TestContext.Current.CancellationToken);
        var history = Took(catalog, Now - (3 * Day), "a0", "a1", "a2");

        var soon = model.Recommend(history, Now, 100).Select(s => catalog.ActionIds[s.Action]).ToList();
        var later = model.Recommend(history, Now + (5 * Day), 100).Select(s => catalog.ActionIds[s.Action]).ToList();

        Assert.DoesNotContain("a0", soon);
        Assert.DoesNotContain("a2", soon);
        Assert.Contains("a2", later);
    }

    [Fact]
    public void A_cold_action_takes_the_rate_of_actions_sharing_its_metadata()
    {
        var catalog = Catalog();
        var model = NextBestActionTrainer.Train(Interactions(60, seed: 4), catalog, 14, TestContext.Current.CancellationToken);
        var scores = new float[model.ActionCount];

        model.Score(Took(catalog, Now, "b0", "b1"), scores);

        // Unseen, it still scores like travel for a travel taker: above every savings action but "expired".
        int cold = Array.IndexOf(catalog.ActionIds, "cold");
        Assert.True(scores[cold] > scores[Array.IndexOf(catalog.ActionIds, "a0")], string.Join(", ", scores));
    }

    [Fact]
    public void Equal_scores_go_to_the_higher_value()
    {
        var catalog = ActionCatalog.Bare(["low", "high"]) with { Values = [1, 50] };
        var builder = new InteractionDataBuilder();
        builder.Add("u0", "low", 1, "TAKEN").Add("u1", "high", 1, "TAKEN");
        var model = NextBestActionTrainer.Train(builder.Build(), catalog, 14, TestContext.Current.CancellationToken);

        var ranked = model.Recommend([], Now, 2);

        Assert.Equal(ranked[0].Score, ranked[1].Score);
        Assert.Equal("high", catalog.ActionIds[ranked[0].Action]);
    }

    [Fact]
    public void The_model_round_trips_through_its_artifact()
    {
        var catalog = Catalog(repeatDays: 7);
        var model = NextBestActionTrainer.Train(Interactions(20, seed: 5), catalog, 14, TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var restored = NextBestActionModel.Read(stream);

        var history = Took(catalog, Now - Day, "a0");
        Assert.Equal(model.Recommend(history, Now, 10), restored.Recommend(history, Now, 10));
        Assert.Equal(model.Weights, restored.Weights);
    }

    [Fact]
    public void Training_without_a_taken_action_fails_with_a_reason()
    {
        var builder = new InteractionDataBuilder();
        builder.Add("u0", "a0", 1, "VIEWED");

        var error = Assert.Throws<InsufficientDataException>(
            () => NextBestActionTrainer.Train(builder.Build(), Catalog(), 14, TestContext.Current.CancellationToken));

        Assert.Contains("TAKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogued_recipe_trains_with_its_optimization_period_and_refuses_one_out_of_range()
    {
        var recipe = RecipeCatalog.Find("arn:aws:personalize:::recipe/aws-next-best-action")!;
        var data = Interactions(30, seed: 7);

        var result = NextBestActionSolution.Train(data, Catalog(), recipe.HyperParameters(),
            cancellationToken: TestContext.Current.CancellationToken);
        var error = Assert.Throws<ArgumentException>(() => NextBestActionSolution.Train(data, Catalog(),
            recipe.HyperParameters(new Dictionary<string, string> { [NextBestActionTrainer.OptimizationPeriod] = "30" }),
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(RecipeType.PersonalizedActions, recipe.Type);
        Assert.Equal(Catalog().Count, result.Model.ActionCount);
        Assert.Contains(NextBestActionTrainer.OptimizationPeriod, error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => recipe.Train(data, EventSettings.Default, recipe.HyperParameters(),
            cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Offline_metrics_find_the_held_out_action_of_each_group()
    {
        var metrics = NextBestActionEvaluation.Evaluate(Interactions(150, seed: 6), Catalog(), 14, TestContext.Current.CancellationToken);

        Assert.True(metrics[MetricNames.NdcgAt5] > 0.3, $"ndcg@5 {metrics[MetricNames.NdcgAt5]}");
        Assert.InRange(metrics[MetricNames.Coverage], 0.01, 1.0);
    }
}
