using System.Text.Json.Nodes;

namespace Attune.Storage.Resources;

/// <summary>Changes to a record that must land in both its columns and its Describe body.</summary>
public static class ResourceRecordUpdates
{
    public static JsonObject ParseBody(this ResourceRecord record) =>
        JsonNode.Parse(record.Body)?.AsObject() ?? throw new InvalidDataException($"Catalog body of {record.Arn} is not a JSON object.");

    /// <summary>Moves the record to <paramref name="status"/>; a failure reason is kept only on failed statuses.</summary>
    public static ResourceRecord WithStatus(this ResourceRecord record, string status, double now, string? failureReason = null)
    {
        var body = record.ParseBody();
        if (body.ContainsKey("status"))
        {
            body["status"] = status;
        }
        body["lastUpdatedDateTime"] = now;
        if (failureReason is null)
        {
            body.Remove("failureReason");
        }
        else
        {
            body["failureReason"] = failureReason;
        }
        return record with { Status = status, UpdatedAt = now, Body = body.ToJsonString() };
    }

    /// <summary>Replaces the body after <paramref name="change"/> edited it, stamping the update time.</summary>
    public static ResourceRecord WithBody(this ResourceRecord record, double now, Action<JsonObject> change)
    {
        var body = record.ParseBody();
        change(body);
        body["lastUpdatedDateTime"] = now;
        return record with { UpdatedAt = now, Body = body.ToJsonString() };
    }
}
