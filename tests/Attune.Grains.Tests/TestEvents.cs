using Attune.Storage.Events;
using Attune.Storage.Schemas;

namespace Attune.Grains.Tests;

/// <summary>PutEvents batches for tests that write a group's event log directly.</summary>
internal static class TestEvents
{
    public static AvroSchema Interactions { get; } = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
          {"name":"EVENT_TYPE","type":"string"}],"version":"1.0"}
        """);

    /// <summary>One click of <paramref name="userId"/> on <paramref name="itemId"/>.</summary>
    public static EventLogBatch Click(string userId, string itemId) =>
        new($"session-{userId}", userId, [new EventLogRecord(null, itemId, "click", null, 1, new Dictionary<string, string?>())]);
}
