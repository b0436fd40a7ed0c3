namespace Attune.Storage.Resources;

/// <summary>The resource-type segment of Personalize ARNs, used as the registry's kind.</summary>
public static class ResourceKinds
{
    public const string DatasetGroup = "dataset-group";
    public const string Schema = "schema";
    public const string Dataset = "dataset";
    public const string DatasetImportJob = "dataset-import-job";
    public const string DatasetExportJob = "dataset-export-job";
    public const string EventTracker = "event-tracker";
    public const string Filter = "filter";
    public const string Solution = "solution";
    public const string SolutionVersion = "solution-version";
    public const string Campaign = "campaign";
    public const string Recommender = "recommender";
    public const string MetricAttribution = "metric-attribution";
    public const string BatchInferenceJob = "batch-inference-job";
    public const string BatchSegmentJob = "batch-segment-job";
    public const string DataDeletionJob = "data-deletion-job";
}
