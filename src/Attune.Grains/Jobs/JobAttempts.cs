namespace Attune.Grains.Jobs;

/// <summary>
/// How often a job grain (import, training) has been started, kept in grain state across restarts, so a job that
/// a crash keeps interrupting ends CREATE FAILED instead of being retried forever.
/// </summary>
[GenerateSerializer, Alias("attune.JobAttempts")]
public sealed class JobAttempts
{
    /// <summary>Starts allowed beyond the first before a job gives up.</summary>
    public const int MaxRestarts = 3;

    [Id(0)]
    public int Count { get; set; }

    /// <summary>The reason a job that ran out of restarts fails with.</summary>
    public static string ExhaustedReason(string what) =>
        $"{what} was interrupted {MaxRestarts} times by restarts and was not tried again.";
}

/// <summary>Counting a start durably before the work begins.</summary>
public static class JobAttemptsExtensions
{
    /// <summary>Records one more start; false when the job has used up its restarts.</summary>
    public static async Task<bool> TryStartAsync(this IPersistentState<JobAttempts> attempts)
    {
        attempts.State.Count++;
        await attempts.WriteStateAsync();
        return attempts.State.Count <= JobAttempts.MaxRestarts;
    }
}
