namespace Attune.Storage.Schemas;

/// <summary>Required and reserved columns per dataset type and domain (reference §3.2).</summary>
internal static class DatasetSchemaRules
{
    public const string Ecommerce = "ECOMMERCE";
    public const string VideoOnDemand = "VIDEO_ON_DEMAND";

    private static readonly AvroType[] StringType = [AvroType.String];
    private static readonly AvroType[] LongType = [AvroType.Long];
    private static readonly AvroType[] IntegerTypes = [AvroType.Int, AvroType.Long];
    private static readonly AvroType[] FloatTypes = [AvroType.Float, AvroType.Double];

    private static ColumnRule Id(string name) => new(name, StringType, MayBeNull: false) { IsIdentifier = true };

    private static ColumnRule Timestamp(string name, bool mayBeNull) => new(name, LongType, mayBeNull);

    private static ColumnRule Category(string name, bool mayBeNull = true) => new(name, StringType, mayBeNull, Categorical: true);

    private static ColumnRule Number(string name, bool mayBeNull = true) => new(name, FloatTypes, mayBeNull);

    private static readonly ColumnRule EventType = new("EVENT_TYPE", StringType, MayBeNull: false, Categorical: false);

    private static readonly ColumnRule ProductDescription = new("PRODUCT_DESCRIPTION", StringType, MayBeNull: true, Textual: true);

    private static readonly DatasetRules Interactions = new(
        Required: [Id("USER_ID"), Id("ITEM_ID"), Timestamp("TIMESTAMP", mayBeNull: false)],
        Reserved:
        [
            EventType, Number("EVENT_VALUE"),
            new("IMPRESSION", StringType, MayBeNull: true, Categorical: false),
            new("RECOMMENDATION_ID", StringType, MayBeNull: true),
            new("EVENT_ATTRIBUTION_SOURCE", StringType, MayBeNull: true),
        ],
        MinMetadata: 0, MaxMetadata: 5, ReservedCountAsMetadata: false);

    private static readonly DatasetRules Items = new(
        Required: [Id("ITEM_ID")], Reserved: [Timestamp("CREATION_TIMESTAMP", mayBeNull: true)],
        MinMetadata: 1, MaxMetadata: 100, ReservedCountAsMetadata: true);

    private static readonly DatasetRules Users = new(
        Required: [Id("USER_ID")], Reserved: [], MinMetadata: 1, MaxMetadata: 25, ReservedCountAsMetadata: true);

    private static readonly DatasetRules Actions = new(
        Required: [Id("ACTION_ID")],
        Reserved:
        [
            new("VALUE", IntegerTypes, MayBeNull: true), Timestamp("CREATION_TIMESTAMP", mayBeNull: true),
            new("REPEAT_FREQUENCY", IntegerTypes, MayBeNull: true), Timestamp("EXPIRATION_TIMESTAMP", mayBeNull: true),
        ],
        MinMetadata: 1, MaxMetadata: 10, ReservedCountAsMetadata: true);

    private static readonly DatasetRules ActionInteractions = new(
        Required: [Id("USER_ID"), Id("ACTION_ID"), Timestamp("TIMESTAMP", mayBeNull: false), EventType],
        Reserved: [], MinMetadata: 0, MaxMetadata: 5, ReservedCountAsMetadata: false);

    private static readonly DatasetRules EcommerceInteractions = Interactions with
    {
        Required = [.. Interactions.Required, EventType],
        Forbidden = ["EVENT_VALUE"],
    };

    private static readonly DatasetRules EcommerceItems = Items with
    {
        Required = [Id("ITEM_ID"), Number("PRICE", mayBeNull: false), Category("CATEGORY_L1", mayBeNull: false)],
        Reserved =
        [
            Category("CATEGORY_L2"), Category("CATEGORY_L3"), ProductDescription, Timestamp("CREATION_TIMESTAMP", mayBeNull: true),
            Category("AGE_GROUP"), Category("ADULT"), Category("GENDER"),
        ],
    };

    private static readonly DatasetRules VideoItems = Items with
    {
        Required = [Id("ITEM_ID"), Category("GENRES", mayBeNull: false), Timestamp("CREATION_TIMESTAMP", mayBeNull: false)],
        Reserved =
        [
            Number("PRICE"), Number("DURATION"), Category("GENRE_L2"), Category("GENRE_L3"), Number("AVERAGE_RATING"),
            ProductDescription, Category("CONTENT_OWNER"), Category("CONTENT_CLASSIFICATION"),
        ],
    };

    public static void Validate(AvroSchema schema, DatasetType type, string? domain)
    {
        if (schema.InferredType is { } named && named != type)
        {
            throw new SchemaValidationException(
                $"The schema's record name '{schema.Name}' is for a {named.WireName()} dataset and cannot be used for a {type.WireName()} dataset.");
        }

        RulesFor(type, domain).Check(schema, type);
    }

    private static DatasetRules RulesFor(DatasetType type, string? domain)
    {
        if (domain is null)
        {
            return type switch
            {
                DatasetType.Interactions => Interactions,
                DatasetType.Items => Items,
                DatasetType.Users => Users,
                DatasetType.Actions => Actions,
                _ => ActionInteractions,
            };
        }

        if (domain is not (Ecommerce or VideoOnDemand))
        {
            throw new SchemaValidationException($"Unknown domain '{domain}'. Valid values: {Ecommerce}, {VideoOnDemand}.");
        }

        return type switch
        {
            DatasetType.Interactions => EcommerceInteractions,
            DatasetType.Items => domain == Ecommerce ? EcommerceItems : VideoItems,
            DatasetType.Users => Users,
            _ => throw new SchemaValidationException($"A {domain} dataset group cannot hold a {type.WireName()} dataset."),
        };
    }
}
