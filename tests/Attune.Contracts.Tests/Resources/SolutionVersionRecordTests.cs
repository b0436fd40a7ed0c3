using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>Solution version and event tracker bodies as their operations and grains store them, read and written back unchanged.</summary>
public sealed class SolutionVersionRecordTests
{
    private const string Solution =
        """{"name":"shop","solutionArn":"arn:s","performHPO":true,"performAutoML":false,"performAutoTraining":true,"performIncrementalUpdate":false,"datasetGroupArn":"arn:g","recipeArn":"arn:aws:personalize:::recipe/aws-user-personalization","solutionConfig":{"algorithmHyperParameters":{"hidden_dimension":"64"}},"status":"ACTIVE","creationDateTime":1733300000,"lastUpdatedDateTime":1733300000}""";

    [Fact]
    public void A_queued_version_copies_its_solution() => Assert.Equal(
        """{"solutionVersionArn":"arn:s/0a1b2c3d","solutionArn":"arn:s","performHPO":true,"performAutoML":false,"performIncrementalUpdate":false,"recipeArn":"arn:aws:personalize:::recipe/aws-user-personalization","datasetGroupArn":"arn:g","solutionConfig":{"algorithmHyperParameters":{"hidden_dimension":"64"}},"trainingMode":"FULL","trainingType":"MANUAL","trainingProgress":{"percent":0,"stage":"queued"}}""",
        DescribeBody.Text(SolutionVersionRecord.From(DescribeBody.Read<SolutionRecord>(Solution), "arn:s/0a1b2c3d", null, "FULL", "MANUAL")));

    [Fact]
    public void A_trained_version_round_trips() => RoundTrip.AssertIdentical<SolutionVersionRecord>(
        """{"solutionVersionArn":"arn:s/0a1b2c3d","solutionArn":"arn:s","performHPO":true,"performAutoML":false,"performIncrementalUpdate":false,"recipeArn":"arn:r","eventType":"click","datasetGroupArn":"arn:g","solutionConfig":{"eventValueThreshold":"3.5"},"name":"v1","trainingMode":"FULL","trainingType":"AUTOMATIC","trainingProgress":{"percent":100,"stage":"done"},"status":"ACTIVE","creationDateTime":1733300000.5,"lastUpdatedDateTime":1733300042.375,"trainingHours":0.011574074074074073,"tunedHPOParams":{"algorithmHyperParameters":{"hidden_dimension":"128"}}}""");

    [Fact]
    public void A_version_in_training_reports_its_progress() => RoundTrip.AssertIdentical<SolutionVersionRecord>(
        """{"solutionVersionArn":"arn:s/1","solutionArn":"arn:s","performHPO":false,"performAutoML":false,"performIncrementalUpdate":false,"recipeArn":"arn:r","datasetGroupArn":"arn:g","trainingMode":"UPDATE","trainingType":"MANUAL","trainingProgress":{"percent":37.5,"stage":"fitting"},"status":"CREATE IN_PROGRESS","creationDateTime":1733300000,"lastUpdatedDateTime":1733300003.5}""");

    [Fact]
    public void A_failed_version_keeps_its_reason() => RoundTrip.AssertIdentical<SolutionVersionRecord>(
        """{"solutionVersionArn":"arn:s/2","solutionArn":"arn:s","performHPO":false,"performAutoML":true,"performIncrementalUpdate":false,"datasetGroupArn":"arn:g","solutionConfig":{"autoMLConfig":{"recipeList":["arn:a"]}},"trainingMode":"FULL","trainingType":"MANUAL","trainingProgress":{"percent":0,"stage":"queued"},"status":"CREATE FAILED","creationDateTime":1733300000,"lastUpdatedDateTime":1733300001,"failureReason":"Create failed. The dataset group has no Interactions dataset."}""");

    [Fact]
    public void An_event_tracker_round_trips() => RoundTrip.AssertIdentical<EventTrackerRecord>(
        """{"name":"t","eventTrackerArn":"arn:t","accountId":"000000000000","trackingId":"0c4f9a8e-1d2b-4c3a-8e5f-6a7b8c9d0e1f","datasetGroupArn":"arn:g","status":"ACTIVE","creationDateTime":1733300000.125,"lastUpdatedDateTime":1733300000.625}""");
}
