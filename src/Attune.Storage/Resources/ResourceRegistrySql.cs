namespace Attune.Storage.Resources;

/// <summary>Status lists as SQL literals, shared by the registry backends so their filters cannot drift apart.</summary>
public static class ResourceRegistrySql
{
    /// <summary>The statuses of <see cref="ResourceStatus.IsTransient"/>.</summary>
    public const string TransientStatuses =
        $"'{ResourceStatus.CreatePending}', '{ResourceStatus.CreateInProgress}', '{ResourceStatus.DeletePending}', " +
        $"'{ResourceStatus.DeleteInProgress}', '{ResourceStatus.CreateStopping}', '{ResourceStatus.Pending}', '{ResourceStatus.InProgress}'";

    public const string DeleteStatuses = $"'{ResourceStatus.DeletePending}', '{ResourceStatus.DeleteInProgress}'";
}
