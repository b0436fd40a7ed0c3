using Attune.Storage.Schemas;

namespace Attune.Storage.Tests;

/// <summary>Schemas of the shipped MovieLens files and small variants used across import tests.</summary>
internal static class TestSchemas
{
    public static AvroSchema Interactions { get; } = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
          {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}
        """);

    public static AvroSchema Items { get; } = AvroSchema.Parse("""
        {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"ITEM_ID","type":"string"},{"name":"TITLE","type":["null","string"]},
          {"name":"GENRES","type":["null","string"],"categorical":true},{"name":"CREATION_TIMESTAMP","type":["null","long"]}],"version":"1.0"}
        """);

    public static AvroSchema Users { get; } = AvroSchema.Parse("""
        {"type":"record","name":"Users","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"USER_ID","type":"string"},{"name":"GENDER","type":"string","categorical":true},{"name":"AGE","type":"int"},
          {"name":"OCCUPATION","type":"string","categorical":true},{"name":"ZIP","type":["null","string"]}],"version":"1.0"}
        """);

    public static AvroSchema ItemsWithText { get; } = AvroSchema.Parse("""
        {"type":"record","name":"Items","fields":[
          {"name":"ITEM_ID","type":"string"},{"name":"PRICE","type":["null","double"]},{"name":"IN_STOCK","type":["null","boolean"]},
          {"name":"DESCRIPTION","type":["null","string"],"textual":true}]}
        """);
}
