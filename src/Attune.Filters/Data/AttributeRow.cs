namespace Attune.Filters;

/// <summary>One row of a table: the current user (Users) or the current item (Items). Default means "none".</summary>
public readonly record struct AttributeRow(IAttributeTable? Table, int Index)
{
    public bool Exists => Table is not null && (uint)Index < (uint)Table.Count;
}
