namespace Attune.Grains.Exports;

/// <summary>Where an export's CSV parts go: <c>&lt;path&gt;/&lt;job name&gt;_&lt;n&gt;.csv</c>, n from 1, each at most <see cref="RowsPerPart"/> rows.</summary>
public static class ExportParts
{
    /// <summary>Rows per part (plus the header); a setting for tests and benchmarks, 1,000,000 otherwise.</summary>
    public static int RowsPerPart { get; set; } = 1_000_000;

    public static string Uri(string path, string jobName, int part)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"{(path.EndsWith('/') ? path : path + "/")}{jobName}_{part}.csv";
    }
}
