using System.Text;
using System.Text.Json;

namespace Attune.ServiceModel.Tests;

/// <summary>Covers shape kinds and bindings that the Personalize models do not use today (blob, long, URI labels, non-body members).</summary>
public sealed class SyntheticModelTests
{
    private static readonly ServiceModel Model = Load("""
        {"metadata":{"protocol":"rest-json"},
         "operations":{"PutThing":{"http":{"method":"PUT","requestUri":"/things/{thingId}?mode"},"input":"PutThingRequest","errors":["Gone"]}},
         "shapes":{
          "PutThingRequest":{"type":"structure","required":["thingId","payload"],"members":{
            "thingId":{"shape":"Id","location":"uri","locationName":"thingId"},
            "payload":{"shape":"Payload"},
            "size":{"shape":"Size"},
            "ratio":{"shape":"Ratio"}}},
          "Id":{"type":"string"},
          "Payload":{"type":"blob","min":2,"max":4,"sensitive":true},
          "Size":{"type":"long","min":0},
          "Ratio":{"type":"double","min":0.5},
          "Gone":{"type":"structure","members":{},"error":{"httpStatusCode":410},"exception":true}}}
        """);

    [Fact]
    public void Uri_labels_match_any_segment_and_query_is_ignored()
    {
        Assert.True(Model.TryFindHttpOperation("PUT", "/things/abc-1", out var operation));
        Assert.Equal("PutThing", operation.Name);
        Assert.False(Model.TryFindHttpOperation("PUT", "/things", out _));
        Assert.Equal(410, Model.ErrorHttpStatus("Gone"));
    }

    [Fact]
    public void Members_bound_outside_the_body_are_not_required_in_it()
    {
        Assert.True(Validate("""{"payload":"AAEC"}""").IsValid);
    }

    [Theory]
    [InlineData("""{"payload":"not base64!"}""", "Value at 'payload' failed to satisfy constraint: Member must be a base64-encoded string")]
    [InlineData("""{"payload":"AA=="}""", "Value at 'payload' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    [InlineData("""{"payload":"AAECAwQ="}""", "Value at 'payload' failed to satisfy constraint: Member must have length less than or equal to 4")]
    [InlineData("""{"payload":"AAEC","size":-1}""", "Value '-1' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 0")]
    [InlineData("""{"payload":"AAEC","size":9223372036854775808}""", "Value '9223372036854775808' at 'size' failed to satisfy constraint: Member must be an integer")]
    [InlineData("""{"payload":"AAEC","ratio":0.25}""", "Value '0.25' at 'ratio' failed to satisfy constraint: Member must have value greater than or equal to 0.5")]
    [InlineData("""{"payload":"AAEC","ratio":"1"}""", "Value '1' at 'ratio' failed to satisfy constraint: Member must be a number")]
    public void Blob_long_and_double_constraints(string body, string expected)
    {
        using var result = Validate(body);

        Assert.Equal($"1 validation error detected: {expected}", result.Failure?.Message);
    }

    [Fact]
    public void Escaped_member_names_are_recognised()
    {
        using var result = Validate("""{"p\u0061yload":"AAEC","\u0073ize":-1}""");

        Assert.Equal("1 validation error detected: Value '-1' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 0", result.Failure?.Message);
    }

    private static ValidationResult Validate(string body)
    {
        Assert.True(Model.TryGetOperation("PutThing", out var operation));
        return RequestValidator.Validate(Model, operation, Encoding.UTF8.GetBytes(body));
    }

    private static ServiceModel Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ServiceModelLoader.Load("synthetic", document.RootElement);
    }
}
