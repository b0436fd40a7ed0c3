using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Attune.Storage.Resources;

namespace Attune.Server.Auth;

/// <summary>
/// Access keys kept in the resource registry (the catalog): one record per key, kind <c>access-key</c>, under ARNs
/// outside Personalize's (<c>attune:access-key/ID</c>) so no Personalize operation ever lists them. The body holds the
/// account and the secret encrypted (<see cref="KeyEncryption"/>); revoking sets the status to REVOKED.
/// </summary>
internal static class CatalogKeyRecords
{
    public const string Kind = "access-key";
    public const string ArnPrefix = "attune:access-key/";
    public const string Active = "ACTIVE";
    public const string Revoked = "REVOKED";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string Arn(string accessKeyId) => ArnPrefix + accessKeyId;

    /// <summary>A new key shaped like AWS's: a 20-character id starting "AKAT" and a 40-character secret.</summary>
    public static AccessKey NewKey(string accountId) =>
        new("AKAT" + RandomNumberGenerator.GetString(IdAlphabet, 16), RandomNumberGenerator.GetString(SecretAlphabet, 40), accountId);

    public static ResourceRecord ToRecord(AccessKey key, KeyEncryption encryption, double now)
    {
        var body = new JsonObject
        {
            ["accessKeyId"] = key.AccessKeyId,
            ["accountId"] = key.AccountId,
            ["encryptedSecret"] = encryption.Encrypt(key.AccessKeyId, key.SecretAccessKey),
        };
        return new ResourceRecord(Arn(key.AccessKeyId), Kind, key.AccessKeyId, null, Active, now, now, body.ToJsonString());
    }

    public static string AccountOf(ResourceRecord record) => JsonNode.Parse(record.Body)!["accountId"]!.GetValue<string>();

    public static AccessKey FromRecord(ResourceRecord record, KeyEncryption encryption)
    {
        var body = JsonNode.Parse(record.Body)!;
        return new AccessKey(record.Name, encryption.Decrypt(record.Name, body["encryptedSecret"]!.GetValue<string>()), AccountOf(record));
    }

    /// <summary>Every key record, in creation order.</summary>
    public static async Task<List<ResourceRecord>> ListAsync(IResourceRegistry registry, CancellationToken cancellationToken)
    {
        var records = new List<ResourceRecord>();
        long after = 0;
        while (true)
        {
            var page = await registry.ListAsync(Kind, ArnPrefix, null, after, 1000, cancellationToken);
            records.AddRange(page.Items);
            if (page.NextSequence is not { } next)
            {
                return records;
            }

            after = next;
        }
    }
}
