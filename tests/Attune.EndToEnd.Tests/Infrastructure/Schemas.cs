namespace Attune.EndToEnd.Tests.Infrastructure;

/// <summary>Avro schemas the C# tests create (the Python scenarios keep their own in scripts/e2e.py).</summary>
public static class Schemas
{
    public const string Interactions =
        """{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}""";

    /// <summary>Interactions with one more column, an acceptable UpdateDataset replacement for <see cref="Interactions"/>.</summary>
    public const string InteractionsWithDevice =
        """{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]},{"name":"DEVICE","type":["null","string"],"categorical":true}],"version":"1.0"}""";

    public const string Items =
        """{"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"],"categorical":true}],"version":"1.0"}""";

    public const string Users =
        """{"type":"record","name":"Users","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"AGE","type":"int"}],"version":"1.0"}""";
}
