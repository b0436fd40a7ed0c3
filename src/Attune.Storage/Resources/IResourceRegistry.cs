namespace Attune.Storage.Resources;

/// <summary>
/// The durable registry of control-plane resources and their tags. Every method commits before it
/// returns, so an acknowledged create, update or delete survives a crash.
/// </summary>
public interface IResourceRegistry
{
    /// <summary>Inserts the record with its tags in one transaction; false when a resource with that ARN already exists.</summary>
    Task<bool> TryInsertAsync(
        ResourceRecord record, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken = default);

    Task<ResourceRecord?> GetAsync(string arn, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored record with the same ARN; false when it no longer exists.</summary>
    Task<bool> UpdateAsync(ResourceRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored record only while its status is still <paramref name="expectedStatus"/>; false when it no
    /// longer exists or another writer changed its status meanwhile (a stop racing a training's start, say).
    /// </summary>
    Task<bool> UpdateIfStatusAsync(ResourceRecord record, string expectedStatus, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored record only while its status and body are still <paramref name="current"/>'s: a
    /// read-modify-write that loses to any writer in between, even one that left the status as it found it
    /// (ACTIVE → UPDATE PENDING → ACTIVE), which <see cref="UpdateIfStatusAsync"/> cannot tell.
    /// </summary>
    Task<bool> UpdateIfUnchangedAsync(ResourceRecord record, ResourceRecord current, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets one top-level member of the record's body (and its update time) in place, without touching the
    /// rest, so progress reports never overwrite a status change made meanwhile.
    /// </summary>
    Task SetBodyMemberAsync(string arn, string member, string jsonValue, double updatedAt, CancellationToken cancellationToken = default);

    /// <summary>Removes the record and its tags; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken = default);

    /// <summary>Resources of one kind whose ARN starts with <paramref name="arnPrefix"/>, in creation order.</summary>
    Task<ResourcePage> ListAsync(
        string kind, string arnPrefix, string? parentArn, long afterSequence, int maxResults,
        CancellationToken cancellationToken = default);

    /// <summary>The same newest first: a page continues before <paramref name="beforeSequence"/> (0: from the newest).</summary>
    Task<ResourcePage> ListNewestFirstAsync(
        string kind, string arnPrefix, string? parentArn, long beforeSequence, int maxResults,
        CancellationToken cancellationToken = default);

    /// <summary>Children of <paramref name="parentArn"/> of the given kinds whose status is not a delete status.</summary>
    Task<IReadOnlyList<ResourceRecord>> ListLiveChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default);

    /// <summary>Children of <paramref name="parentArn"/> of the given kinds in any status, those being deleted included.</summary>
    Task<IReadOnlyList<ResourceRecord>> ListChildrenAsync(
        string parentArn, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default);

    /// <summary>Resources of any kind whose status is still transient (see <see cref="ResourceStatus.IsTransient"/>).</summary>
    Task<IReadOnlyList<ResourceRecord>> ListTransientAsync(CancellationToken cancellationToken = default);

    /// <summary>Resources of the given kinds whose body references <paramref name="arn"/> in <paramref name="member"/>.</summary>
    Task<IReadOnlyList<ResourceRecord>> ListReferencingAsync(
        string kind, string member, string arn, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KeyValuePair<string, string>>> GetTagsAsync(string arn, CancellationToken cancellationToken = default);

    /// <summary>Adds or overwrites tags; fails with false when the result would exceed <paramref name="maxTags"/>.</summary>
    Task<bool> SetTagsAsync(
        string arn, IReadOnlyList<KeyValuePair<string, string>> tags, int maxTags, CancellationToken cancellationToken = default);

    Task RemoveTagsAsync(string arn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default);
}
