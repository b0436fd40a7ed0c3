namespace Attune.Filters.Tests;

public sealed class DataStructureTests
{
    [Fact]
    public void Categorical_column_interns_splits_and_indexes_values()
    {
        var column = CategoricalColumn.FromValues(["a|b", null, "b||a|b", "", "c"]);

        Assert.Equal(5, column.Count);
        Assert.Equal(3, column.ValueCount);
        Assert.True(column.TryGetValueId("b", out var b));
        Assert.Equal([0, 2], column.RowsWith(b).ToArray());
        Assert.Equal(2, column.ValueIdsOf(2).Length);
        Assert.False(column.HasValue(1));
        Assert.False(column.HasValue(3));
        Assert.False(column.TryGetValueId("B", out _));
        Assert.Equal("b", column.ValueName(b));
    }

    [Fact]
    public void Unsplit_column_keeps_pipes_and_ignore_case_column_folds_case()
    {
        var plain = CategoricalColumn.FromValues(["a|b"], splitMultiValues: false);
        var folded = CategoricalColumn.FromValues(["Click", "CLICK|view"], ignoreCase: true);

        Assert.True(plain.TryGetValueId("a|b", out _));
        Assert.Equal(2, folded.ValueCount);
        Assert.True(folded.TryGetValueId("click", out var click));
        Assert.Equal([0, 1], folded.RowsWith(click).ToArray());
    }

    [Fact]
    public void Table_rejects_columns_of_the_wrong_length()
    {
        var table = new AttributeTable(2);

        Assert.Throws<ArgumentException>(() => table.AddNumeric("PRICE", new double[3]));
        Assert.Throws<ArgumentException>(() => table.AddCategorical("GENRE", CategoricalColumn.FromValues(["a"])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void Bit_set_tracks_members_at_word_edges(int length)
    {
        var set = new BitSet(length);
        int[] members = [.. new[] { 0, 63, 64, length - 1 }.Where(i => i >= 0 && i < length).Distinct()];
        foreach (var member in members)
        {
            set.Add(member);
        }

        Assert.Equal(members.Length, set.Count());
        Assert.All(members, m => Assert.True(set.Contains(m)));
        Assert.False(set.Contains(length));
        if (members.Length > 0)
        {
            set.Remove(members[0]);
            Assert.False(set.Contains(members[0]));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add(length));
    }

    [Fact]
    public void Everything_allowed_leaves_no_bits_past_the_length()
    {
        var bound = FilterExpression.Parse("EXCLUDE ItemID WHERE Items.GENRE IN ($G)").Bind(null);
        var set = bound.Evaluate(new FilterContext(new AttributeTable(70)));

        Assert.Equal(70, set.Count());
        Assert.Equal((1UL << 6) - 1, set.Words[1]);
    }
}
