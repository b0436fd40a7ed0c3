namespace Attune.Storage.Catalog;

/// <summary>Status lists as SQL literals, shared by the catalog backends so their filters cannot drift apart.</summary>
public static class CatalogSql
{
    /// <summary>The statuses of <see cref="ResourceStatus.IsTransient"/>.</summary>
    public const string TransientStatuses =
        $"'{ResourceStatus.CreatePending}', '{ResourceStatus.CreateInProgress}', '{ResourceStatus.DeletePending}', " +
        $"'{ResourceStatus.DeleteInProgress}', '{ResourceStatus.CreateStopping}'";

    public const string DeleteStatuses = $"'{ResourceStatus.DeletePending}', '{ResourceStatus.DeleteInProgress}'";
}
