namespace Attune.Storage.Datasets;

/// <summary>Which rows a dataset export reads: those of bulk imports, those of Put*/PutEvents, or both (Personalize's ingestionMode).</summary>
[Flags]
public enum RowOrigins
{
    Bulk = 1,
    Put = 2,
    All = Bulk | Put,
}
