using System.Globalization;
using System.Text.RegularExpressions;
using Attune.Contracts.Resources;
using Attune.Storage.Resources;

namespace Attune.Grains.Training;

/// <summary>
/// When a solution with performAutoTraining trains next: its first version <see cref="AutoTrainingOptions.FirstDelay"/>
/// after creation (a version created meanwhile, manual or not, counts), then schedulingExpression rate(N days)
/// (default 7) after its newest version, so a manual training also resets the clock.
/// </summary>
public static partial class AutoTrainingSchedule
{
    public const int DefaultDays = 7;

    /// <summary>The due time in epoch seconds, or null when the solution does not train automatically now.</summary>
    public static double? DueAt(ResourceRecord solution, IReadOnlyList<ResourceRecord> versions, AutoTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(options);
        var body = DescribeBody.Read<SolutionRecord>(solution.Body);
        if (solution.Status != ResourceStatus.Active || !body.PerformAutoTraining
            || versions.Any(v => ResourceStatus.IsTransient(v.Status)))
        {
            return null;
        }
        if (versions.Count == 0)
        {
            return solution.CreatedAt + options.FirstDelay.TotalSeconds;
        }
        return versions.Max(v => v.CreatedAt) + (Days(body) * options.Day.TotalSeconds);
    }

    /// <summary>N of solutionConfig.autoTrainingConfig.schedulingExpression "rate(N days)", else the default.</summary>
    public static int Days(SolutionRecord solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var expression = solution.SolutionConfig?.AutoTrainingConfig?.SchedulingExpression;
        return (expression is null ? null : ParseDays(expression)) ?? DefaultDays;
    }

    /// <summary>N of "rate(N days)", or null for any other text.</summary>
    public static int? ParseDays(string expression)
    {
        var match = Rate().Match(expression);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null;
    }

    [GeneratedRegex(@"^rate\((\d+) days?\)$")]
    private static partial Regex Rate();
}
