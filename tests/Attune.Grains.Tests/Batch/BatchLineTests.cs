using System.Text.Json;
using Attune.Grains.Batch;

namespace Attune.Grains.Tests.Batch;

/// <summary>Personalize's batch line format: the input echoed, then output or a per-line error.</summary>
public sealed class BatchLineTests
{
    [Fact]
    public void An_answered_line_echoes_its_input_and_has_a_null_error()
    {
        var input = BatchLine.Parse("""{"userId": "u1"}""", out var error);
        Assert.Null(error);

        var line = BatchLine.Write("""{"userId": "u1"}""", input, w => w.WriteString("x", "y"), null);

        Assert.Equal("""{"input":{"userId":"u1"},"output":{"x":"y"},"error":null}""", line);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    public void A_line_that_is_not_a_json_object_is_echoed_as_text_with_its_error(string text, string reason)
    {
        Assert.Null(BatchLine.Parse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);

        using var line = JsonDocument.Parse(BatchLine.Write(text, null, null, error));

        Assert.Equal(text, line.RootElement.GetProperty("input").GetString());
        Assert.Equal(JsonValueKind.Null, line.RootElement.GetProperty("output").ValueKind);
        Assert.Equal(error, line.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Members_are_read_strictly()
    {
        var input = BatchLine.Parse("""{"userId": 5, "filterValues": {"G": "\"a\""}, "color": "red"}""", out _)!.Value;
        string? error = null;

        Assert.Null(BatchLine.String(input, "userId", ref error));
        Assert.Equal("userId must be a non-empty string.", error);
        Assert.Equal("\"a\"", BatchLine.StringMap(input, "filterValues", ref error)!["G"]);
        Assert.Equal("color", BatchLine.UnknownMember(input, ["userId", "filterValues"]));
    }
}
