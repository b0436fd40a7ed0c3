namespace Attune.Filters.Tests;

/// <summary>
/// A hand-made dataset group small enough to know every answer by reading it.
/// Items (index: GENRE | CATEGORY | CATEGORY_L1/L2 | DESCRIPTION | PRICE | CREATION_TIMESTAMP | OWNER):
///   0: comedy        shoe  shoe/boot     boot     50   1000 in-house
///   1: drama         shoe  shoe/sneaker  sneaker  20   2000 partner
///   2: comedy|drama  watch watch/-       luxury   300  3000 in-house
///   3: horror        watch watch/digital basic    30   4000 partner
///   4: -             book  book/novel    -        null 5000 -
///   5: drama|horror  book  book/comic    luxury   10   6000 in-house
/// Users: 0 AGE 25 premium gold (events click, stream); 1 AGE 16 basic silver (purchased); 2 nothing known.
/// Actions: 0 upgrade VALUE 5 Premium; 1 survey 1 Basic; 2 upgrade 20 Premium.
/// The requesting user's item interactions, newest first: 1 click, 3 Stream, 5 purchased, 2 favorite, 1 CLICK;
/// action interactions: 1 NOT_TAKEN, 0 taken.
/// </summary>
internal static class TestDatasetGroup
{
    public static AttributeTable Items { get; } = new AttributeTable(6)
        .AddCategorical("GENRE", CategoricalColumn.FromValues(["comedy", "drama", "comedy|drama", "horror", null, "drama|horror"]))
        .AddCategorical("CATEGORY", CategoricalColumn.FromValues(["shoe", "shoe", "watch", "watch", "book", "book"]))
        .AddCategorical("CATEGORY_L1", CategoricalColumn.FromValues(["shoe", "shoe", "watch", "watch", "book", "book"]))
        .AddCategorical("CATEGORY_L2", CategoricalColumn.FromValues(["boot", "sneaker", null, "digital", "novel", "comic"]))
        .AddCategorical("DESCRIPTION", CategoricalColumn.FromValues(["boot", "sneaker", "luxury", "basic", "", "luxury"], splitMultiValues: false))
        .AddCategorical("OWNER", CategoricalColumn.FromValues(["in-house", "partner", "in-house", "partner", null, "in-house"]))
        .AddNumeric("PRICE", new[] { 50, 20, 300, 30, double.NaN, 10 })
        .AddNumeric("CREATION_TIMESTAMP", new double[] { 1000, 2000, 3000, 4000, 5000, 6000 });

    public static AttributeTable Users { get; } = new AttributeTable(3)
        .AddNumeric("AGE", new[] { 25, 16, double.NaN })
        .AddCategorical("MEMBERSHIP", CategoricalColumn.FromValues(["premium", "basic", null]))
        .AddCategorical("MEMBERSHIP_STATUS", CategoricalColumn.FromValues(["gold", "silver", null]));

    public static CategoricalColumn UserEventTypes { get; } =
        CategoricalColumn.FromValues(["click|stream", "purchased", null], ignoreCase: true);

    public static AttributeTable Actions { get; } = new AttributeTable(3)
        .AddCategorical("CATEGORY", CategoricalColumn.FromValues(["upgrade", "survey", "upgrade"]))
        .AddCategorical("MEMBERSHIP_LEVEL", CategoricalColumn.FromValues(["Premium", "Basic", "Premium"]))
        .AddNumeric("VALUE", new double[] { 5, 1, 20 });

    private static readonly RecentInteraction[] ItemInteractions =
        [new(1, "click"), new(3, "Stream"), new(5, "purchased"), new(2, "favorite"), new(1, "CLICK")];

    private static readonly RecentInteraction[] ActionInteractions = [new(1, "NOT_TAKEN"), new(0, "taken")];

    public static FilterContext ContextFor(FilterTarget target, int currentUser = 0, int currentItem = 2) => target switch
    {
        FilterTarget.Item => new FilterContext(Items)
        {
            Interactions = ItemInteractions,
            CurrentUser = new AttributeRow(Users, currentUser),
            CurrentItem = new AttributeRow(Items, currentItem),
        },
        FilterTarget.User => new FilterContext(Users) { UserEventTypes = UserEventTypes },
        _ => new FilterContext(Actions)
        {
            Interactions = ActionInteractions,
            CurrentUser = new AttributeRow(Users, currentUser),
        },
    };

    /// <summary>Parses, binds <paramref name="filterValues"/> (<c>KEY=value;KEY2=value</c>) and lists the allowed indexes.</summary>
    public static int[] Allowed(string expression, string filterValues = "", int currentUser = 0, int currentItem = 2)
    {
        var filter = FilterExpression.Parse(expression);
        var bound = filter.Bind(Values(filterValues));
        return Members(bound.Evaluate(ContextFor(filter.Target, currentUser, currentItem)));
    }

    public static Dictionary<string, string> Values(string filterValues) =>
        filterValues.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    public static int[] Members(BitSet set) =>
        Enumerable.Range(0, set.Length).Where(set.Contains).ToArray();
}
