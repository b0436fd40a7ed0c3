using Attune.Storage.Schemas;
using static Attune.Storage.Tests.Contracts.ImportHelpers;

namespace Attune.Storage.Tests.Contracts;

public abstract class ImportFailureContract(IStoreBackend backend) : StoreTestBase(backend)
{
    [Fact]
    public void Missing_required_columns_are_named_in_personalize_wording()
    {
        var file = WriteFile("ratings.csv", "USER_ID,EVENT_TYPE\nu1,view\n");

        var reason = Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, file);

        Assert.StartsWith("Input CSV is missing the following columns: [ITEM_ID, TIMESTAMP].", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_nullable_column_is_allowed_and_reads_as_null()
    {
        var file = WriteFile("ratings.csv", "user_id,item_id,timestamp,event_type\nu1,i1,10,view\n");

        ImportHelpers.Run(Store, DatasetType.Interactions, TestSchemas.Interactions, Storage.Import.ImportMode.Full, file);

        Assert.True(float.IsNaN(Store.ReadInteractions().EventValue[0]));
    }

    [Fact]
    public void Unknown_columns_are_named()
    {
        var file = WriteFile("ratings.csv", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE,COLOR\nu1,i1,10,view,x,y\n");

        Assert.StartsWith("Input CSV has columns that are not in the schema: [DEVICE, COLOR].", Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u1,i1,abc,view,1", "Line 3 of ratings.csv: TIMESTAMP 'abc' is not a long.")]
    [InlineData("u1,i1,10,view,high", "Line 3 of ratings.csv: EVENT_VALUE 'high' is not a float.")]
    [InlineData(",i1,10,view,1", "Line 3 of ratings.csv: USER_ID is empty but the field is not nullable.")]
    [InlineData("u1,i1,10,,1", "Line 3 of ratings.csv: EVENT_TYPE is empty but the field is not nullable.")]
    [InlineData("u1,i1,10,view", "Line 3 of ratings.csv: expected 5 values but found 4.")]
    [InlineData("u1,i1,10,view,1,extra", "Line 3 of ratings.csv: expected 5 values but found 6.")]
    [InlineData("u1,\"i1,10,view,1", "Line 3 of ratings.csv: a quoted field is not closed.")]
    [InlineData("u1,i1,99999999999999999999,view,1", "Line 3 of ratings.csv: TIMESTAMP '99999999999999999999' is not a long.")]
    public void Bad_rows_fail_with_file_and_line(string badRow, string reason)
    {
        var file = WriteFile("ratings.csv", InteractionsHeader + "u0,i0,5,view,1\n" + badRow + "\nu2,i2,11,view,1\n");

        Assert.Equal(reason, Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, file));
    }

    [Fact]
    public void Ids_longer_than_256_characters_are_rejected()
    {
        var file = WriteFile("ratings.csv", InteractionsHeader + $"{new string('u', 257)},i1,10,view,1\n");

        Assert.Equal("Line 2 of ratings.csv: USER_ID is longer than 256 characters.", Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, file));
    }

    [Fact]
    public void Strings_over_1000_characters_fail_but_textual_values_are_truncated_to_20000()
    {
        var tooLong = WriteFile("bad.csv", $"ITEM_ID,GENRES\ni1,{new string('g', 1001)}\n");
        var longText = WriteFile("items.csv", $"ITEM_ID,PRICE,IN_STOCK,DESCRIPTION\ni1,1.5,TRUE,\"{new string('d', 25_000)}\"\n");

        Assert.Equal("Line 2 of bad.csv: GENRES is longer than 1000 characters.", Fail(Store, DatasetType.Items, TestSchemas.Items, tooLong));
        ImportHelpers.Run(Store, DatasetType.Items, TestSchemas.ItemsWithText, Storage.Import.ImportMode.Full, longText);
        var items = Store.ReadEntities(DatasetType.Items);
        Assert.Equal(20_000, ((string)items.Columns["DESCRIPTION"].Values[0]!).Length);
        Assert.Equal(true, items.Columns["IN_STOCK"].Values[0]);
        Assert.Equal(1.5, items.Columns["PRICE"].Values[0]);
    }

    [Theory]
    [InlineData("i1,cheap,,x", "PRICE 'cheap' is not a double.")]
    [InlineData("i1,1,yes,x", "IN_STOCK 'yes' is not a boolean (true or false).")]
    public void Typed_item_values_are_validated(string row, string reason)
    {
        var file = WriteFile("items.csv", "ITEM_ID,PRICE,IN_STOCK,DESCRIPTION\n" + row + "\n");

        Assert.Equal("Line 2 of items.csv: " + reason, Fail(Store, DatasetType.Items, TestSchemas.ItemsWithText, file));
    }

    [Fact]
    public void Unreadable_file_fails_with_its_name()
    {
        var reason = Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, Path.Combine(TempPath, "gone.csv"));

        Assert.StartsWith("Cannot read gone.csv:", reason, StringComparison.Ordinal);
        Assert.Equal(0, Backend.BatchTableCount(Store));
    }

    [Fact]
    public void Header_only_input_fails_and_second_file_errors_name_that_file()
    {
        var empty = WriteFile("empty.csv", InteractionsHeader);
        var good = WriteFile("a.csv", InteractionsHeader + "u1,i1,10,view,1\n");
        var bad = WriteFile("b.csv", InteractionsHeader + "u1,i1,10,view,1\nu2,i2,x,view,1\n");

        Assert.Equal("The input contains no data rows.", Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, empty));
        Assert.Equal("Line 3 of b.csv: TIMESTAMP 'x' is not a long.", Fail(Store, DatasetType.Interactions, TestSchemas.Interactions, good, bad));
        Assert.Equal(0, Store.CountRows(DatasetType.Interactions));
    }
}
