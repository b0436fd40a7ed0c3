using System.Text.RegularExpressions;
using Attune.Server.Wire;
using Attune.Storage.Schemas;

namespace Attune.Server.Attribution;

/// <summary>
/// A metric attribution's expression: <c>SAMPLECOUNT()</c> (events counted) or <c>SUM(Interactions.COL)</c> /
/// <c>SUM(Items.COL)</c> (a numeric column of the event, or of the event's item, added up). Function and dataset
/// names are case-insensitive as in Personalize's console; the column is the schema's field name.
/// </summary>
internal sealed partial record MetricExpression(bool IsSum, DatasetType? Dataset, string? Column)
{
    public static readonly MetricExpression SampleCount = new(false, null, null);

    /// <summary>Parses and checks the column against the group's schemas; InvalidInputException naming the problem.</summary>
    public static MetricExpression Parse(string text, string member, IReadOnlyDictionary<DatasetType, AvroSchema> schemas)
    {
        var trimmed = text.Trim();
        if (SampleCountPattern().IsMatch(trimmed))
        {
            return SampleCount;
        }
        var sum = SumPattern().Match(trimmed);
        if (!sum.Success)
        {
            throw ApiErrors.InvalidInput(
                $"{member}: '{text}' is not a metric expression; use SUM(Interactions.<column>), SUM(Items.<column>) or SAMPLECOUNT().");
        }
        var dataset = sum.Groups["dataset"].Value.Equals("Items", StringComparison.OrdinalIgnoreCase) ? DatasetType.Items : DatasetType.Interactions;
        var column = sum.Groups["column"].Value;
        if (!schemas.TryGetValue(dataset, out var schema))
        {
            throw ApiErrors.InvalidInput($"{member}: '{text}' sums a column of the {dataset} dataset, which the dataset group does not have.");
        }
        var field = schema.Find(column)
            ?? throw ApiErrors.InvalidInput($"{member}: '{text}' names {column}, which is not a column of the {dataset} schema.");
        if (!field.IsNumeric)
        {
            throw ApiErrors.InvalidInput($"{member}: '{text}' sums {field.Name}, which is not numeric (int, long, float or double) in the {dataset} schema.");
        }
        return new MetricExpression(true, dataset, field.Name);
    }

    [GeneratedRegex(@"^SAMPLECOUNT\(\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SampleCountPattern();

    [GeneratedRegex(@"^SUM\(\s*(?<dataset>Interactions|Items)\.(?<column>[A-Za-z_][A-Za-z0-9_]*)\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SumPattern();
}
