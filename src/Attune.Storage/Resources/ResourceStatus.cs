namespace Attune.Storage.Resources;

/// <summary>Personalize's status strings (with spaces, as on the wire).</summary>
public static class ResourceStatus
{
    public const string CreatePending = "CREATE PENDING";
    public const string CreateInProgress = "CREATE IN_PROGRESS";
    public const string Active = "ACTIVE";
    public const string CreateFailed = "CREATE FAILED";
    public const string DeletePending = "DELETE PENDING";
    public const string DeleteInProgress = "DELETE IN_PROGRESS";
    public const string CreateStopping = "CREATE STOPPING";
    public const string CreateStopped = "CREATE STOPPED";

    /// <summary>An update applied in place (UpdateMetricAttribution): UPDATE PENDING → UPDATE IN_PROGRESS → ACTIVE.</summary>
    public const string UpdatePending = "UPDATE PENDING";
    public const string UpdateInProgress = "UPDATE IN_PROGRESS";

    /// <summary>A recommender's stop and start: STOP PENDING → STOP IN_PROGRESS → INACTIVE → START PENDING → START IN_PROGRESS → ACTIVE.</summary>
    public const string StopPending = "STOP PENDING";
    public const string StopInProgress = "STOP IN_PROGRESS";
    public const string Inactive = "INACTIVE";
    public const string StartPending = "START PENDING";
    public const string StartInProgress = "START IN_PROGRESS";

    /// <summary>Data deletion jobs' own chain: PENDING → IN_PROGRESS → COMPLETED or FAILED.</summary>
    public const string Pending = "PENDING";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";

    /// <summary>True while a create or delete is still running, i.e. recovery must finish it after a restart.</summary>
    public static bool IsTransient(string status) =>
        status is CreatePending or CreateInProgress or DeletePending or DeleteInProgress or CreateStopping or Pending or InProgress
            or UpdatePending or UpdateInProgress
            or StopPending or StopInProgress or StartPending or StartInProgress;
}
