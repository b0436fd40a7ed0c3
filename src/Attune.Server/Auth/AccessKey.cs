namespace Attune.Server.Auth;

/// <summary>
/// An AWS-style access key: the id a client names in its signature, the secret both sides derive the SigV4 signing
/// key from, and the 12-digit account every request signed with it acts in.
/// </summary>
internal sealed record AccessKey(string AccessKeyId, string SecretAccessKey, string AccountId)
{
    /// <summary>Never the secret: records print into logs and test failures.</summary>
    public override string ToString() => $"AccessKey {{ AccessKeyId = {AccessKeyId}, AccountId = {AccountId} }}";
}

/// <summary>Where the server looks access keys up (the keys file, the catalog, or both).</summary>
internal interface IAccessKeys
{
    /// <summary>The key with this id, or null when no source knows it (or it was revoked).</summary>
    AccessKey? Find(string accessKeyId);
}
