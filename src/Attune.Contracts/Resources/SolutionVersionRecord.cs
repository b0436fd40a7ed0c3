using System.Text.Json.Serialization;

namespace Attune.Contracts.Resources;

/// <summary>
/// A solution version as DescribeSolutionVersion answers it: the solution's settings when it was created (copied by
/// SolutionVersionFactory), then what training reports. Owned by SolutionVersionOperations; the training grain writes
/// <see cref="TrainingProgress"/>, <see cref="TrainingHours"/> and <see cref="TunedHpoParams"/>.
/// </summary>
public sealed record SolutionVersionRecord
{
    /// <summary>The member training progress is written to while training runs (patched alone, not through the record).</summary>
    public const string TrainingProgressMember = "trainingProgress";

    [JsonPropertyName("solutionVersionArn")] public string SolutionVersionArn { get; init; } = string.Empty;
    [JsonPropertyName("solutionArn")] public string SolutionArn { get; init; } = string.Empty;
    [JsonPropertyName("performHPO")] public bool PerformHpo { get; init; }
    [JsonPropertyName("performAutoML")] public bool PerformAutoMl { get; init; }
    [JsonPropertyName("performIncrementalUpdate")] public bool PerformIncrementalUpdate { get; init; }
    [JsonPropertyName("recipeArn")] public string? RecipeArn { get; init; }
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("datasetGroupArn")] public string DatasetGroupArn { get; init; } = string.Empty;
    [JsonPropertyName("solutionConfig")] public SolutionConfig? SolutionConfig { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>MANUAL (CreateSolutionVersion) or AUTOMATIC (automatic training).</summary>
    [JsonPropertyName("trainingMode")] public string TrainingMode { get; init; } = string.Empty;

    [JsonPropertyName("trainingType")] public string TrainingType { get; init; } = string.Empty;
    [JsonPropertyName(TrainingProgressMember)] public TrainingProgressReport? TrainingProgress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("creationDateTime")] public double? CreationDateTime { get; init; }
    [JsonPropertyName("lastUpdatedDateTime")] public double? LastUpdatedDateTime { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("trainingHours")] public double? TrainingHours { get; init; }
    [JsonPropertyName("tunedHPOParams")] public TunedHpoParams? TunedHpoParams { get; init; }

    /// <summary>The version's body as SolutionVersionFactory creates it: the solution's training settings, copied.</summary>
    public static SolutionVersionRecord From(
        SolutionRecord solution, string solutionVersionArn, string? name, string trainingMode, string trainingType) => new()
    {
        SolutionVersionArn = solutionVersionArn,
        SolutionArn = solution.SolutionArn,
        PerformHpo = solution.PerformHpo,
        PerformAutoMl = solution.PerformAutoMl,
        PerformIncrementalUpdate = solution.PerformIncrementalUpdate,
        RecipeArn = solution.RecipeArn,
        EventType = solution.EventType,
        DatasetGroupArn = solution.DatasetGroupArn,
        SolutionConfig = solution.SolutionConfig,
        Name = name,
        TrainingMode = trainingMode,
        TrainingType = trainingType,
        TrainingProgress = TrainingProgressReport.Queued,
    };
}

/// <summary>Attune's <c>trainingProgress</c> member: how far training is, for clients that poll.</summary>
public sealed record TrainingProgressReport
{
    public static readonly TrainingProgressReport Queued = new() { Percent = 0, Stage = "queued" };

    public static readonly TrainingProgressReport Done = new() { Percent = 100, Stage = "done" };

    [JsonPropertyName("percent")] public double Percent { get; init; }
    [JsonPropertyName("stage")] public string Stage { get; init; } = string.Empty;
}

/// <summary>The hyperparameters HPO chose, as <c>tunedHPOParams</c> reports them.</summary>
public sealed record TunedHpoParams
{
    [JsonPropertyName("algorithmHyperParameters")] public IReadOnlyDictionary<string, string>? AlgorithmHyperParameters { get; init; }
}
