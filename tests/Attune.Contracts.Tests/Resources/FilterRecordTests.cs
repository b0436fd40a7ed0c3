using System.Text.Json.Nodes;
using Attune.Contracts.Resources;

namespace Attune.Contracts.Tests.Resources;

/// <summary>
/// Filter bodies as CreateFilter and the lifecycle grain store them, read and written back unchanged; the expressions
/// show the registry's escaping (quotes, angle brackets, apostrophes and non-ASCII as \uXXXX), which must not change.
/// </summary>
public sealed class FilterRecordTests
{
    [Fact]
    public void An_active_filter_round_trips() => RoundTrip.AssertIdentical<FilterRecord>(
        """{"name":"unseen","filterArn":"arn:aws:personalize:us-east-1:000000000000:filter/unseen","datasetGroupArn":"arn:g","filterExpression":"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\u0022rating\u0022)","status":"ACTIVE","creationDateTime":1733300000.123,"lastUpdatedDateTime":1733300000.456}""");

    [Fact]
    public void A_failed_filter_keeps_its_reason() => RoundTrip.AssertIdentical<FilterRecord>(
        """{"name":"f","filterArn":"arn:f","datasetGroupArn":"arn:g","filterExpression":"INCLUDE ItemID WHERE Items.GENRES IN ($GENRES) | EXCLUDE ItemID WHERE Items.PRICE \u003E 10","status":"CREATE FAILED","creationDateTime":1733300000,"lastUpdatedDateTime":1733300001,"failureReason":"It\u0027s \u003Cgone\u003E \u0026 \u00E9"}""");

    [Fact]
    public void A_record_writes_the_bytes_a_json_object_body_wrote()
    {
        const string Expression = "EXCLUDE ItemID WHERE Items.TITLE IN (\"Amélie's <best>\") & 1";
        var now = 1733300000123 / 1000.0;
        var before = new JsonObject
        {
            ["name"] = "f",
            ["filterArn"] = "arn:f",
            ["datasetGroupArn"] = "arn:g",
            ["filterExpression"] = Expression,
            ["status"] = "ACTIVE",
            ["creationDateTime"] = now,
            ["lastUpdatedDateTime"] = now,
        }.ToJsonString();

        var record = new FilterRecord
        {
            Name = "f", FilterArn = "arn:f", DatasetGroupArn = "arn:g", FilterExpression = Expression,
            Status = "ACTIVE", CreationDateTime = now, LastUpdatedDateTime = now,
        };

        Assert.Equal(before, DescribeBody.Text(record));
    }
}
