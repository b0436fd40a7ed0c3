using Attune.Storage.Schemas;

namespace Attune.Storage.Tests.Schemas;

public sealed class AvroSchemaParseTests
{
    // Reference §3.2 example, verbatim.
    private const string ReferenceInteractions = """
        {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema",
         "fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
          {"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["float","null"]},
          {"name":"DEVICE","type":["string","null"],"categorical":true},
          {"name":"TIMESTAMP","type":"long"},{"name":"IMPRESSION","type":"string"}],"version":"1.0"}
        """;

    private const string ReferenceItems = """
        {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
          {"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"],"categorical":true},
          {"name":"CREATION_TIMESTAMP","type":"long"},{"name":"DESCRIPTION","type":["null","string"],"textual":true}],"version":"1.0"}
        """;

    [Fact]
    public void Reference_interactions_example_parses_with_its_fields()
    {
        var schema = AvroSchema.Parse(ReferenceInteractions);

        Assert.Equal(DatasetType.Interactions, schema.InferredType);
        Assert.Equal("com.amazonaws.personalize.schema", schema.Namespace);
        Assert.Equal(7, schema.Fields.Count);
        var value = schema.Find("event_value")!;
        Assert.Equal(AvroType.Float, value.Type);
        Assert.True(value.Nullable);
        Assert.True(schema.Find("DEVICE")!.Categorical);
        Assert.False(schema.Find("TIMESTAMP")!.Nullable);
    }

    [Fact]
    public void Property_keys_find_fields_by_their_camel_case_form()
    {
        var schema = AvroSchema.Parse(Record("X", """{"name":"NUMBER_OF_RATINGS","type":"int"},{"name":"GENRES","type":"string"}"""));

        Assert.Equal("NUMBER_OF_RATINGS", schema.FindProperty("numberOfRatings")!.Name);
        Assert.Equal("GENRES", schema.FindProperty("GENRES")!.Name);
        Assert.Null(schema.FindProperty("rating"));
    }

    [Fact]
    public void Reference_items_example_parses_with_textual_and_categorical()
    {
        var schema = AvroSchema.Parse(ReferenceItems);

        Assert.Equal(DatasetType.Items, schema.InferredType);
        Assert.True(schema.Find("DESCRIPTION")!.Textual);
        Assert.True(schema.Find("GENRES")!.Categorical);
    }

    [Fact]
    public void Record_name_that_names_no_dataset_type_is_parsed_without_type_rules()
    {
        var schema = AvroSchema.Parse(Record("MyThing", """{"name":"A","type":"int"}"""));

        Assert.Null(schema.InferredType);
        Assert.Equal("MyThing", schema.Name);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("""{"type":"enum","name":"Items","fields":[]}""", "\"record\"")]
    [InlineData("""{"type":"record","fields":[{"name":"A","type":"int"}]}""", "no record \"name\"")]
    [InlineData("""{"type":"record","name":"1x","fields":[{"name":"A","type":"int"}]}""", "'1x'")]
    [InlineData("""{"type":"record","name":"X"}""", "no \"fields\"")]
    [InlineData("""{"type":"record","name":"X","fields":[]}""", "empty")]
    [InlineData("""{"type":"record","name":"X","fields":[{"type":"int"}]}""", "Field #1 has no \"name\"")]
    [InlineData("""{"type":"record","name":"X","fields":[{"name":"BAD-NAME","type":"int"}]}""", "'BAD-NAME'")]
    [InlineData("""{"type":"record","name":"X","fields":[{"name":"A"}]}""", "'A' has no \"type\"")]
    public void Malformed_schemas_are_rejected_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"A","type":"int"},{"name":"A","type":"long"}""", "'A' is defined more than once")]
    [InlineData("""{"name":"GENRES_FIELD_1","type":"int"},{"name":"GENRESFIELD1","type":"int"}""", "'GENRES_FIELD_1' and 'GENRESFIELD1' conflict")]
    [InlineData("""{"name":"Genre","type":"int"},{"name":"GENRE","type":"int"}""", "'GENRE' is defined more than once")]
    public void Duplicate_field_names_are_rejected(string fields, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record("X", fields)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"bytes\"", "unsupported type \"bytes\"")]
    [InlineData("""{"type":"array","items":"string"}""", "unsupported complex type")]
    [InlineData("""["string","int"]""", "exactly one primitive type and \"null\"")]
    [InlineData("""["null","null"]""", "exactly one primitive type and \"null\"")]
    [InlineData("""["string","int","null"]""", "unsupported union type")]
    [InlineData("""["null",{"type":"map","values":"int"}]""", "unsupported union type")]
    [InlineData("42", "invalid \"type\"")]
    public void Unsupported_types_are_rejected_naming_the_field(string type, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record("X", $$"""{"name":"COL","type":{{type}}}""")));

        Assert.Contains("'COL'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"float\"", AvroType.Float, false)]
    [InlineData("\"double\"", AvroType.Double, false)]
    [InlineData("\"int\"", AvroType.Int, false)]
    [InlineData("\"long\"", AvroType.Long, false)]
    [InlineData("\"boolean\"", AvroType.Boolean, false)]
    [InlineData("\"null\"", AvroType.Null, true)]
    [InlineData("""["null","double"]""", AvroType.Double, true)]
    [InlineData("""["boolean","null"]""", AvroType.Boolean, true)]
    public void Allowed_types_and_null_unions_are_accepted(string type, AvroType expected, bool nullable)
    {
        var field = AvroSchema.Parse(Record("X", $$"""{"name":"COL","type":{{type}}}""")).Fields[0];

        Assert.Equal(expected, field.Type);
        Assert.Equal(nullable, field.Nullable);
    }

    [Theory]
    [InlineData("""{"name":"N","type":"int","categorical":true}""", "\"categorical\" but its type is not string")]
    [InlineData("""{"name":"N","type":["null","long"],"textual":true}""", "\"textual\" but its type is not string")]
    [InlineData("""{"name":"N","type":"string","categorical":true,"textual":true}""", "both")]
    [InlineData("""{"name":"N","type":"string","categorical":"yes"}""", "must be true or false")]
    public void Categorical_and_textual_flags_need_a_string_field(string field, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record("X", field)));

        Assert.Contains("'N'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_named_for_a_dataset_type_is_validated_for_it_at_parse_time()
    {
        var error = Assert.Throws<SchemaValidationException>(() =>
            AvroSchema.Parse(Record("Interactions", """{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"}""")));

        Assert.Contains("'TIMESTAMP'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_longer_than_the_wire_limit_is_rejected()
    {
        var json = Record("X", """{"name":"A","type":"int"}""") + new string(' ', AvroSchema.MaxJsonLength);

        Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(json));
    }

    internal static string Record(string name, string fields) =>
        $$"""{"type":"record","name":"{{name}}","namespace":"com.amazonaws.personalize.schema","fields":[{{fields}}],"version":"1.0"}""";
}
