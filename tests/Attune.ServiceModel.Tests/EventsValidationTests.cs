using static Attune.ServiceModel.Tests.Requests;

namespace Attune.ServiceModel.Tests;

public sealed class EventsValidationTests
{
    private static readonly ServiceModel Model = ServiceModel.PersonalizeEvents;

    private static string PutEvents(int count, string sentAt = "1700000000") =>
        $$"""{"trackingId":"t","sessionId":"s","userId":"u","eventList":[{{string.Join(",", Enumerable.Repeat($$"""{"eventType":"click","itemId":"i","sentAt":{{sentAt}}}""", count))}}]}""";

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Between_one_and_ten_events_pass(int count) => Passes(Model, "PutEvents", PutEvents(count));

    [Theory]
    [InlineData(0, "greater than or equal to 1")]
    [InlineData(11, "less than or equal to 10")]
    public void Event_list_size_is_bounded(int count, string bound)
    {
        Assert.Equal(
            $"1 validation error detected: Value at 'eventList' failed to satisfy constraint: Member must have length {bound}",
            Fails(Model, "PutEvents", PutEvents(count)));
    }

    [Theory]
    [InlineData("1700000000.123")]
    [InlineData("0")]
    public void Sent_at_accepts_epoch_seconds_as_botocore_sends_them(string sentAt) => Passes(Model, "PutEvents", PutEvents(1, sentAt));

    [Theory]
    [InlineData("\"2024-01-01T00:00:00Z\"")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Sent_at_rejects_anything_but_a_number(string sentAt)
    {
        Assert.Equal(
            "1 validation error detected: Value at 'eventList.1.member.sentAt' failed to satisfy constraint: Member must be a timestamp in epoch seconds (JSON number)",
            Fails(Model, "PutEvents", PutEvents(1, sentAt)));
    }

    [Fact]
    public void Missing_event_members_and_null_list_items_are_reported_per_item()
    {
        var message = Fails(Model, "PutEvents", """{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1},{"sentAt":1,"eventValue":"high"},null]}""");

        Assert.Equal(
            "3 validation errors detected: Value at 'eventList.2.member.eventValue' failed to satisfy constraint: Member must be a number; "
            + "Value null at 'eventList.2.member.eventType' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'eventList.3.member' failed to satisfy constraint: Member must not be null",
            message);
    }

    [Fact]
    public void Empty_body_reports_every_required_member()
    {
        Assert.Equal(
            "3 validation errors detected: Value null at 'eventList' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'sessionId' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'trackingId' failed to satisfy constraint: Member must not be null",
            Fails(Model, "PutEvents", ""));
    }

    [Fact]
    public void Properties_must_hold_json_and_float_values_must_be_finite()
    {
        var message = Fails(Model, "PutEvents", """{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1,"properties":"{\"n\":","eventValue":1e400}]}""");

        Assert.Equal(
            "2 validation errors detected: Value at 'eventList.1.member.properties' failed to satisfy constraint: Member must be a JSON document; "
            + "Value at 'eventList.1.member.eventValue' failed to satisfy constraint: Member must be a number",
            message);
        Passes(Model, "PutEvents", """{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1,"properties":"{\"numberOfRatings\":\"12\"}"}]}""");
        Assert.Contains("Member must be a JSON document", Fails(Model, "PutEvents", """{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1,"properties":"   "}]}"""));
        Assert.Contains("Member must be a JSON document", Fails(Model, "PutEvents", """{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1,"properties":"{} {}"}]}"""));
    }
}
