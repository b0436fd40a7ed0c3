using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Schemas.AvroSchemaParseTests;

namespace Attune.Storage.Tests.Schemas;

public sealed class DatasetSchemaRulesTests
{
    private const string InteractionCore = """
        {"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}
        """;

    [Theory]
    [InlineData("Interactions", DatasetType.Interactions)]
    [InlineData("ITEMS", DatasetType.Items)]
    [InlineData("users", DatasetType.Users)]
    [InlineData("Actions", DatasetType.Actions)]
    [InlineData("Action_Interactions", DatasetType.ActionInteractions)]
    [InlineData("actioninteractions", DatasetType.ActionInteractions)]
    public void Dataset_types_parse_case_insensitively(string wire, DatasetType expected) =>
        Assert.Equal(expected, DatasetTypes.Parse(wire));

    [Fact]
    public void Dataset_type_names_map_to_arn_suffixes_and_wire_names()
    {
        Assert.Equal("ACTION_INTERACTIONS", DatasetType.ActionInteractions.ArnSuffix());
        Assert.Equal("ITEMS", DatasetType.Items.ArnSuffix());
        Assert.Equal("Action_Interactions", DatasetType.ActionInteractions.WireName());
        Assert.False(DatasetTypes.TryParse("Events", out _));
        Assert.Throws<ArgumentException>(() => DatasetTypes.Parse("Events"));
    }

    [Theory]
    [InlineData("""{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"}""", "requires the field 'TIMESTAMP'")]
    [InlineData("""{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"int"}""", "'TIMESTAMP'")]
    [InlineData("""{"name":"USER_ID","type":["null","string"]},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}""", "'USER_ID' of a Interactions schema must not be nullable")]
    [InlineData(InteractionCore + """,{"name":"EVENT_TYPE","type":"string","categorical":true}""", "'EVENT_TYPE' of a Interactions schema must not be categorical")]
    [InlineData(InteractionCore + """,{"name":"EVENT_VALUE","type":"string"}""", "'EVENT_VALUE'")]
    [InlineData(InteractionCore + """,{"name":"IMPRESSION","type":"long"}""", "'IMPRESSION'")]
    [InlineData(InteractionCore + """,{"name":"DESCRIPTION","type":"string","textual":true}""", "only an Items schema")]
    [InlineData(InteractionCore + """,{"name":"A","type":"int"},{"name":"B","type":"int"},{"name":"C","type":"int"},{"name":"D","type":"int"},{"name":"E","type":"int"},{"name":"F","type":"int"}""", "at most 5 metadata")]
    public void Interactions_rules_are_enforced(string fields, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record("Interactions", fields)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interactions_reserved_columns_do_not_count_against_the_metadata_limit()
    {
        var fields = InteractionCore + """
            ,{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","double"]},{"name":"IMPRESSION","type":["null","string"]},
            {"name":"RECOMMENDATION_ID","type":["null","string"]},{"name":"EVENT_ATTRIBUTION_SOURCE","type":["null","string"]},
            {"name":"A","type":"int"},{"name":"B","type":"int"},{"name":"C","type":"int"},{"name":"D","type":"int"},{"name":"E","type":["null","string"],"categorical":true}
            """;

        Assert.Equal(13, AvroSchema.Parse(Record("Interactions", fields)).Fields.Count);
    }

    [Theory]
    [InlineData("Items", """{"name":"ITEM_ID","type":"string"}""", "at least 1 metadata")]
    [InlineData("Users", """{"name":"USER_ID","type":"string"}""", "at least 1 metadata")]
    [InlineData("Items", """{"name":"ITEM_ID","type":"string"},{"name":"CREATION_TIMESTAMP","type":"double"}""", "'CREATION_TIMESTAMP'")]
    [InlineData("Items", """{"name":"ITEM_ID","type":"string"},{"name":"A","type":"string","textual":true},{"name":"B","type":"string","textual":true}""", "At most one textual field")]
    [InlineData("Items", """{"name":"ITEM_ID","type":"string"},{"name":"A","type":"string","itemName":true},{"name":"B","type":"string","itemName":true}""", "At most one itemName field")]
    [InlineData("Users", """{"name":"USER_ID","type":"string"},{"name":"NAME","type":"string","itemName":true}""", "only an Items schema")]
    [InlineData("Actions", """{"name":"ACTION_ID","type":"string"}""", "at least 1 metadata")]
    [InlineData("ActionInteractions", """{"name":"USER_ID","type":"string"},{"name":"ACTION_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}""", "'EVENT_TYPE'")]
    public void Items_users_and_actions_rules_are_enforced(string record, string fields, string reason)
    {
        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record(record, fields)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_allow_at_most_25_metadata_columns()
    {
        var metadata = string.Concat(Enumerable.Range(0, 26).Select(i => $$""",{"name":"M{{i}}","type":"int"}"""));

        var error = Assert.Throws<SchemaValidationException>(() => AvroSchema.Parse(Record("Users", """{"name":"USER_ID","type":"string"}""" + metadata)));

        Assert.Contains("at most 25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_named_for_one_type_cannot_be_used_for_another()
    {
        var schema = AvroSchema.Parse(Record("Users", """{"name":"USER_ID","type":"string"},{"name":"AGE","type":"int"}"""));

        var error = Assert.Throws<SchemaValidationException>(() => schema.ValidateFor(DatasetType.Items, domain: null));

        Assert.Contains("'Users'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_record_is_validated_when_attached_to_a_dataset()
    {
        var schema = AvroSchema.Parse(Record("Custom", """{"name":"ITEM_ID","type":"string"},{"name":"PRICE","type":"float"}"""));

        schema.ValidateFor(DatasetType.Items, domain: null);
        Assert.Throws<SchemaValidationException>(() => schema.ValidateFor(DatasetType.Users, domain: null));
    }

    [Fact]
    public void Ecommerce_interactions_need_event_type_and_reject_event_value()
    {
        var core = AvroSchema.Parse(Record("Interactions", InteractionCore));
        var withValue = AvroSchema.Parse(Record("Interactions", InteractionCore + """,{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":"float"}"""));
        var ok = AvroSchema.Parse(Record("Interactions", InteractionCore + """,{"name":"EVENT_TYPE","type":"string"}"""));

        Assert.Contains("'EVENT_TYPE'", Assert.Throws<SchemaValidationException>(() => core.ValidateFor(DatasetType.Interactions, "ECOMMERCE")).Message, StringComparison.Ordinal);
        Assert.Contains("'EVENT_VALUE'", Assert.Throws<SchemaValidationException>(() => withValue.ValidateFor(DatasetType.Interactions, "VIDEO_ON_DEMAND")).Message, StringComparison.Ordinal);
        ok.ValidateFor(DatasetType.Interactions, "ECOMMERCE");
    }

    [Fact]
    public void Domain_items_need_their_domain_columns()
    {
        var ecommerce = AvroSchema.Parse(Record("Items", """
            {"name":"ITEM_ID","type":"string"},{"name":"PRICE","type":"float"},{"name":"CATEGORY_L1","type":"string","categorical":true},
            {"name":"PRODUCT_DESCRIPTION","type":["null","string"],"textual":true}
            """));
        var video = AvroSchema.Parse(Record("Items", """
            {"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":"string","categorical":true},{"name":"CREATION_TIMESTAMP","type":"long"}
            """));

        ecommerce.ValidateFor(DatasetType.Items, "ECOMMERCE");
        video.ValidateFor(DatasetType.Items, "VIDEO_ON_DEMAND");
        Assert.Contains("'GENRES'", Assert.Throws<SchemaValidationException>(() => ecommerce.ValidateFor(DatasetType.Items, "VIDEO_ON_DEMAND")).Message, StringComparison.Ordinal);
        Assert.Contains("'PRICE'", Assert.Throws<SchemaValidationException>(() => video.ValidateFor(DatasetType.Items, "ECOMMERCE")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_groups_cannot_hold_action_datasets_and_unknown_domains_are_rejected()
    {
        var actions = AvroSchema.Parse(Record("Actions", """{"name":"ACTION_ID","type":"string"},{"name":"VALUE","type":["null","long"]}"""));

        Assert.Throws<SchemaValidationException>(() => actions.ValidateFor(DatasetType.Actions, "ECOMMERCE"));
        Assert.Contains("Unknown domain", Assert.Throws<SchemaValidationException>(() => actions.ValidateFor(DatasetType.Actions, "RETAIL")).Message, StringComparison.Ordinal);
    }
}
