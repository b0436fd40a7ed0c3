namespace Attune.Storage.Resources;

/// <summary>Status lists as SQL literals, shared by the registry backends so their filters cannot drift apart.</summary>
public static class ResourceRegistrySql
{
    /// <summary>The statuses of <see cref="ResourceStatus.IsTransient"/>.</summary>
    public const string TransientStatuses =
        $"'{ResourceStatus.CreatePending}', '{ResourceStatus.CreateInProgress}', '{ResourceStatus.DeletePending}', " +
        $"'{ResourceStatus.DeleteInProgress}', '{ResourceStatus.CreateStopping}', '{ResourceStatus.Pending}', '{ResourceStatus.InProgress}', " +
        $"'{ResourceStatus.UpdatePending}', '{ResourceStatus.UpdateInProgress}', " +
        $"'{ResourceStatus.StopPending}', '{ResourceStatus.StopInProgress}', '{ResourceStatus.StartPending}', '{ResourceStatus.StartInProgress}'";

    /// <summary>A List page's sequence condition and order: after the token ascending, or before it (0: none) newest first.</summary>
    public static (string Condition, string Order) Paging(string after, bool newestFirst) => newestFirst
        ? ($"({after} = 0 OR seq < {after})", "seq DESC")
        : ($"seq > {after}", "seq");

    public const string DeleteStatuses = $"'{ResourceStatus.DeletePending}', '{ResourceStatus.DeleteInProgress}'";
}
