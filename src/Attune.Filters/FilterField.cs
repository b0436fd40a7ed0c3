namespace Attune.Filters;

/// <summary>A column the filter reads, as written in the expression (<c>Items.GENRE</c>).</summary>
public readonly record struct FilterField(FilterDataset Dataset, string Column)
{
    /// <summary>The dataset whose schema holds the column: CurrentUser is a Users row, CurrentItem an Items row.</summary>
    public FilterDataset SchemaDataset => Dataset switch
    {
        FilterDataset.CurrentUser => FilterDataset.Users,
        FilterDataset.CurrentItem => FilterDataset.Items,
        _ => Dataset,
    };

    public override string ToString() => $"{DatasetNames.Of(Dataset)}.{Column}";
}
