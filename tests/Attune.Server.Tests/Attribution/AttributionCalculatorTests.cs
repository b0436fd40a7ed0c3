using Attune.Contracts.Resources;
using Attune.Server.Attribution;
using Attune.Server.Wire;
using Attune.Storage.Schemas;

namespace Attune.Server.Tests.Attribution;

/// <summary>Metric expressions against schemas, and the report's SUM/SAMPLECOUNT per source on a stream counted by hand.</summary>
public sealed class AttributionCalculatorTests
{
    private static readonly Dictionary<DatasetType, AvroSchema> Schemas = new()
    {
        [DatasetType.Interactions] = AvroSchema.Parse("""
            {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
             {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}]}
            """),
        [DatasetType.Items] = AvroSchema.Parse("""
            {"type":"record","name":"Items","fields":[{"name":"ITEM_ID","type":"string"},{"name":"PRICE","type":"double"},
             {"name":"GENRES","type":["null","string"],"categorical":true}]}
            """),
    };

    [Theory]
    [InlineData("SAMPLECOUNT()", false, null, null)]
    [InlineData(" samplecount( ) ", false, null, null)]
    [InlineData("SUM(Interactions.EVENT_VALUE)", true, DatasetType.Interactions, "EVENT_VALUE")]
    [InlineData("sum(items.price)", true, DatasetType.Items, "PRICE")]
    public void Valid_expressions_parse(string text, bool isSum, DatasetType? dataset, string? column) =>
        Assert.Equal(new MetricExpression(isSum, dataset, column), MetricExpression.Parse(text, "metrics.1.expression", Schemas));

    [Theory]
    [InlineData("AVG(Items.PRICE)", "is not a metric expression")]
    [InlineData("SUM(Items.NOPE)", "NOPE, which is not a column")]
    [InlineData("SUM(Items.GENRES)", "not numeric")]
    [InlineData("SUM(Users.AGE)", "is not a metric expression")]
    public void Invalid_expressions_name_the_problem(string text, string words)
    {
        var error = Assert.Throws<ApiException>(() => MetricExpression.Parse(text, "metrics.1.expression", Schemas));
        Assert.Equal("InvalidInputException", error.ErrorCode);
        Assert.Contains("metrics.1.expression", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_over_a_dataset_the_group_lacks_is_refused()
    {
        var error = Assert.Throws<ApiException>(() => MetricExpression.Parse(
            "SUM(Items.PRICE)", "m", new Dictionary<DatasetType, AvroSchema> { [DatasetType.Interactions] = Schemas[DatasetType.Interactions] }));
        Assert.Contains("does not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_attributed_to_their_source_then_their_recommendation_then_undefined()
    {
        var calculator = Calculator();
        var prices = new Dictionary<string, double> { ["a"] = 10, ["b"] = 2.5 };
        void Add(string type, string item, float? value, string? source, string? recommendation) =>
            calculator.Add(type, source, recommendation, e => e.Dataset == DatasetType.Items ? prices.GetValueOrDefault(item) : value);

        Add("purchase", "a", 3, null, "RID-1-CID-campaign");
        Add("purchase", "b", 4, "email", "RID-2-CID-campaign"); // the source wins over the recommendation
        Add("purchase", "b", null, null, null);                 // no value: counted by neither SUM, but present
        Add("click", "a", null, null, "RID-3-CID-unknown");
        Add("click", "a", null, null, "RID-4-CID-campaign");
        Add("view", "a", 1, "email", null);                     // no metric for views

        Assert.Equal(
        [
            ("clicks", "SOURCE_NAME_UNDEFINED", 1.0), ("clicks", "arn:campaign", 1.0),
            ("purchase_value", "SOURCE_NAME_UNDEFINED", 0.0), ("purchase_value", "arn:campaign", 3.0), ("purchase_value", "email", 4.0),
            ("revenue", "SOURCE_NAME_UNDEFINED", 2.5), ("revenue", "arn:campaign", 10.0), ("revenue", "email", 2.5),
        ], calculator.Values().Select(v => (v.MetricName, v.Source, v.Value)));
    }

    [Fact]
    public void Sources_past_the_hundredth_are_folded_together()
    {
        var calculator = Calculator();
        for (var source = 0; source < AttributionCalculator.MaxSources + 3; source++)
        {
            calculator.Add("click", $"source{source}", null, _ => null);
        }

        var clicks = calculator.Values().Where(v => v.MetricName == "clicks").ToList();
        Assert.Equal(AttributionCalculator.MaxSources + 1, clicks.Count);
        Assert.Equal(3, clicks.Single(v => v.Source == AttributionCalculator.OtherSources).Value);
    }

    private static AttributionCalculator Calculator()
    {
        (MetricAttribute, MetricExpression) Metric(string type, string name, string expression) =>
            (new MetricAttribute { EventType = type, MetricName = name, Expression = expression }, MetricExpression.Parse(expression, name, Schemas));
        return new AttributionCalculator(
            [Metric("click", "clicks", "SAMPLECOUNT()"), Metric("purchase", "purchase_value", "SUM(Interactions.EVENT_VALUE)"),
             Metric("purchase", "revenue", "SUM(Items.PRICE)")],
            id => id.EndsWith("-CID-campaign", StringComparison.Ordinal) ? "arn:campaign" : null);
    }
}
