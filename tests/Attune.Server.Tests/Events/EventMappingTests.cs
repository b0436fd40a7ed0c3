using System.Text.Json;
using Attune.Server.Events;
using Attune.Server.Wire;
using Attune.Storage.Events;
using Attune.Storage.Schemas;

namespace Attune.Server.Tests.Events;

/// <summary>
/// One wire event → its record, for the keys <c>properties</c> may carry: Personalize refuses only userId, sessionId,
/// eventType, timestamp, recommendationId and impression; itemId (as the samples send it), eventValue and
/// eventAttributionSource stand in for an absent member and must agree with a present one.
/// </summary>
public sealed class EventMappingTests
{
    private static readonly AvroSchema Schema = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},
          {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]},
          {"name":"EVENT_ATTRIBUTION_SOURCE","type":["null","string"]},{"name":"DEVICE","type":["null","string"]}],"version":"1.0"}
        """);

    [Fact]
    public void The_properties_itemId_is_the_item_of_an_event_without_the_member()
    {
        var record = Read("""{"eventType":"click","sentAt":1764000000,"properties":"{\"itemId\":\"sku-7\",\"device\":\"phone\"}"}""");

        Assert.Equal("sku-7", record.ItemId);
        Assert.Equal(new Dictionary<string, string?> { ["DEVICE"] = "phone" }, record.Columns);
    }

    [Theory]
    [InlineData("itemId")]
    [InlineData("ITEM_ID")]
    [InlineData("item_id")]
    public void Every_spelling_of_the_item_key_is_the_item(string key)
    {
        var record = Read($$"""{"eventType":"click","sentAt":1764000000,"itemId":"sku-7","properties":"{\"{{key}}\":\"sku-7\"}"}""");

        Assert.Equal("sku-7", record.ItemId);
        Assert.Empty(record.Columns);
    }

    [Fact]
    public void An_itemId_member_and_a_different_properties_itemId_are_refused_naming_both()
    {
        var error = Assert.Throws<ApiException>(() =>
            Read("""{"eventType":"click","sentAt":1764000000,"itemId":"sku-7","properties":"{\"itemId\":\"sku-8\"}"}"""));

        Assert.Equal("InvalidInputException", error.ErrorCode);
        Assert.Contains("eventList.1.itemId ('sku-7')", error.Message, StringComparison.Ordinal);
        Assert.Contains("itemId of eventList.1.properties ('sku-8')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_properties_itemId_is_its_text()
    {
        Assert.Equal("42", Read("""{"eventType":"click","sentAt":1764000000,"properties":"{\"itemId\":42}"}""").ItemId);
    }

    [Theory]
    [InlineData("""{\"itemId\":\"\"}""", "1 to 256")]
    [InlineData("""{\"itemId\":null}""", "itemId (or an itemId in eventList.1.properties) is required")]
    public void A_properties_itemId_must_be_a_valid_item(string properties, string expected)
    {
        var error = Assert.Throws<ApiException>(() => Read($$"""{"eventType":"click","sentAt":1764000000,"properties":"{{properties}}"}"""));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_properties_eventValue_stands_in_for_the_member_and_must_agree_with_it()
    {
        Assert.Equal(4.5f, Read("""{"eventType":"rating","sentAt":1,"itemId":"a","properties":"{\"eventValue\":\"4.5\"}"}""").EventValue);
        Assert.Equal(4.5f, Read("""{"eventType":"rating","sentAt":1,"itemId":"a","eventValue":4.5,"properties":"{\"eventValue\":4.5}"}""").EventValue);

        var differ = Assert.Throws<ApiException>(() =>
            Read("""{"eventType":"rating","sentAt":1,"itemId":"a","eventValue":3,"properties":"{\"eventValue\":4.5}"}"""));
        var notNumber = Assert.Throws<ApiException>(() => Read("""{"eventType":"rating","sentAt":1,"itemId":"a","properties":"{\"eventValue\":\"high\"}"}"""));

        Assert.Contains("eventList.1.eventValue (3)", differ.Message, StringComparison.Ordinal);
        Assert.Contains("eventValue of eventList.1.properties (4.5)", differ.Message, StringComparison.Ordinal);
        Assert.Contains("eventValue 'high' is not a finite number", notNumber.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_properties_eventAttributionSource_is_kept_and_must_agree_with_the_member()
    {
        var alone = Read("""{"eventType":"click","sentAt":1,"itemId":"a","properties":"{\"eventAttributionSource\":\"email\"}"}""");
        var differ = Assert.Throws<ApiException>(() => Read(
            """{"eventType":"click","sentAt":1,"itemId":"a","metricAttribution":{"eventAttributionSource":"push"},"properties":"{\"eventAttributionSource\":\"email\"}"}"""));

        Assert.Equal("email", alone.Columns["EVENT_ATTRIBUTION_SOURCE"]);
        Assert.Contains("eventList.1.metricAttribution.eventAttributionSource ('push')", differ.Message, StringComparison.Ordinal);
        Assert.Contains("('email')", differ.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("sessionId")]
    [InlineData("eventType")]
    [InlineData("timestamp")]
    [InlineData("recommendationId")]
    [InlineData("impression")]
    [InlineData("USER_ID")]
    [InlineData("EventType")]
    public void The_keys_Personalize_forbids_are_refused_naming_the_key(string key)
    {
        var error = Assert.Throws<ApiException>(() =>
            Read($$"""{"eventType":"click","sentAt":1,"itemId":"a","properties":"{\"{{key}}\":\"x\"}"}"""));

        Assert.Equal("InvalidInputException", error.ErrorCode);
        Assert.Contains($"eventList.1.properties: '{key}' cannot be a property key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eventId_key_is_an_ordinary_column_name()
    {
        var error = Assert.Throws<ApiException>(() => Read("""{"eventType":"click","sentAt":1,"itemId":"a","properties":"{\"eventId\":\"x\"}"}"""));

        Assert.Contains("'eventId' is not a column of the Interactions schema", error.Message, StringComparison.Ordinal);
    }

    private static EventLogRecord Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventMapping.Read(document.RootElement, 1, Schema);
    }
}
