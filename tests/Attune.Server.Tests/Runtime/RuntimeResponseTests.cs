using System.Buffers;
using System.Text;
using System.Text.Json;
using Attune.Contracts.Serving;
using Attune.Server.Runtime;

namespace Attune.Server.Tests.Runtime;

/// <summary>
/// The runtime outputs byte for byte: member order, optional members left out, number formatting and the default
/// encoder's escaping, as the JsonObject-built answers wrote them (the expected text passed against that code
/// before the outputs were written with Utf8JsonWriter).
/// </summary>
public sealed class RuntimeResponseTests
{
    private static readonly ServingAnswer Answer = new("RID-1", [
        new AnsweredItem("i1", 0.12345678901234568, null, null, null, "history", ["i0", "i3"]),
        new AnsweredItem("café<&>\"'", 1e-7, "Promoted item", "house", new Dictionary<string, string> { ["GENRE"] = "comedy|drama", ["PRICE"] = "10" }, "promoted", []),
        new AnsweredItem("new", null, "Unknown", null, new Dictionary<string, string>(), "unknown item", []),
        new AnsweredItem("i9", 1, null, null, null, "popular", []),
    ]);

    [Fact]
    public void GetRecommendations_output_is_pinned()
    {
        Assert.Equal(
            """{"itemList":[{"itemId":"i1","score":0.12345678901234568,"explanation":{"basis":"history","items":["i0","i3"]}},"""
            + """{"itemId":"caf\u00E9\u003C\u0026\u003E\u0022\u0027","score":1E-07,"promotionName":"house","metadata":{"GENRE":"comedy|drama","PRICE":"10"},"reason":["Promoted item"],"explanation":{"basis":"promoted"}},"""
            + """{"itemId":"new","metadata":{},"reason":["Unknown"],"explanation":{"basis":"unknown item"}},"""
            + """{"itemId":"i9","score":1,"explanation":{"basis":"popular"}}],"recommendationId":"RID-1"}""",
            Written(Answer, RuntimeResponse.ItemList));
    }

    [Fact]
    public void GetPersonalizedRanking_output_is_pinned()
    {
        Assert.Equal(
            """{"personalizedRanking":[],"recommendationId":"R"}""",
            Written(new ServingAnswer("R", []), RuntimeResponse.PersonalizedRanking));
    }

    private static string Written(ServingAnswer answer, string listMember)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new RuntimeResponse(answer, listMember).WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
