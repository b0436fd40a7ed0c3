using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>
/// Solution bodies as CreateSolution, UpdateSolution and AutoML training have stored them: each maps to
/// <see cref="SolutionRecord"/> and back with the same bytes, so Describe answers and stored files do not change.
/// </summary>
public sealed class SolutionRecordTests
{
    private const string Created =
        """{"name":"shop","solutionArn":"arn:aws:personalize:us-east-1:000000000000:solution/shop","performHPO":false,"performAutoML":false,"performAutoTraining":true,"performIncrementalUpdate":false,"datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/g","recipeArn":"arn:aws:personalize:::recipe/aws-user-personalization","status":"CREATE PENDING","creationDateTime":1733300000.123,"lastUpdatedDateTime":1733300000.123}""";

    [Fact]
    public void A_created_solution_round_trips() => RoundTrip.AssertIdentical<SolutionRecord>(Created);

    [Fact]
    public void A_solution_with_every_config_member_round_trips() => RoundTrip.AssertIdentical<SolutionRecord>(
        """{"name":"hpo","solutionArn":"arn:aws:personalize:us-east-1:000000000000:solution/hpo","performHPO":true,"performAutoML":false,"performAutoTraining":false,"performIncrementalUpdate":false,"datasetGroupArn":"arn:g","recipeArn":"arn:aws:personalize:::recipe/aws-user-personalization-v2","eventType":"click","solutionConfig":{"algorithmHyperParameters":{"hidden_dimension":"64","bptt":"32"},"autoMLConfig":{"metricName":"precision_at_25","recipeList":["arn:a","arn:b"]},"autoTrainingConfig":{"schedulingExpression":"rate(7 days)"},"eventValueThreshold":"0.5","eventsConfig":{"eventParametersList":[{"eventType":"click","eventValueThreshold":0.25,"weight":0.75},{"eventType":"buy"}]},"featureTransformationParameters":{"max_hist_length_percentile":"0.99"},"hpoConfig":{"algorithmHyperParameterRanges":{"categoricalHyperParameterRanges":[{"name":"recency_mask","values":["true","false"]}],"continuousHyperParameterRanges":[{"maxValue":0.9,"minValue":0.1,"name":"weight"}],"integerHyperParameterRanges":[{"maxValue":200,"minValue":32,"name":"hidden_dimension"}]},"hpoObjective":{"metricName":"normalized_discounted_cumulative_gain_at_10","metricRegex":".*","type":"Maximize"},"hpoResourceConfig":{"maxNumberOfTrainingJobs":"4","maxParallelTrainingJobs":"2"}},"optimizationObjective":{"itemAttribute":"PRICE","objectiveSensitivity":"HIGH"},"trainingDataConfig":{"excludedDatasetColumns":{"Items":["GENRES"]},"includedDatasetColumns":{"Users":["AGE"]}}},"status":"ACTIVE","creationDateTime":1733300000,"lastUpdatedDateTime":1733300012.5}""");

    [Fact]
    public void A_failed_solution_keeps_its_reason() => RoundTrip.AssertIdentical<SolutionRecord>(
        Created[..^1].Replace("CREATE PENDING", "CREATE FAILED", StringComparison.Ordinal) + ""","failureReason":"no data"}""");

    [Fact]
    public void An_updated_solution_after_automl_round_trips() => RoundTrip.AssertIdentical<SolutionRecord>(
        """{"name":"auto","solutionArn":"arn:s","performHPO":false,"performAutoML":true,"performAutoTraining":false,"performIncrementalUpdate":false,"datasetGroupArn":"arn:g","solutionConfig":{"autoMLConfig":{"recipeList":["arn:a"]},"eventsConfig":{"eventParametersList":[{"eventType":"click","weight":1}]}},"status":"ACTIVE","creationDateTime":1733300000.5,"lastUpdatedDateTime":1733300100.25,"latestSolutionUpdate":{"performAutoTraining":false,"performIncrementalUpdate":false,"status":"ACTIVE","creationDateTime":1733300100.25,"lastUpdatedDateTime":1733300100.25,"solutionUpdateConfig":{"eventsConfig":{"eventParametersList":[{"eventType":"click","weight":1}]}}},"autoMLResult":{"bestRecipeArn":"arn:a"}}""");

    [Fact]
    public void Absent_members_stay_absent()
    {
        var solution = DescribeBody.Read<SolutionRecord>(Created);

        Assert.Null(solution.EventType);
        Assert.Null(solution.SolutionConfig);
        Assert.DoesNotContain("eventType", DescribeBody.Text(solution), StringComparison.Ordinal);
    }
}
