using System.Globalization;
using System.Text;

namespace Attune.Bench.Load;

/// <summary>Prints each step as it finishes and writes the whole run as a markdown section.</summary>
internal sealed class Report(string title, string machine)
{
    private readonly List<StepResult> _steps = [];

    public void Add(StepResult step)
    {
        _steps.Add(step);
        Console.WriteLine(Row(step));
    }

    public void AddAll(IEnumerable<StepResult> steps)
    {
        foreach (var step in steps)
        {
            Add(step);
        }
    }

    /// <summary>The highest closed-loop throughput whose p99 stays within the bound, or null.</summary>
    public StepResult? BestWithin(double p99Milliseconds) =>
        _steps.Where(s => s.Step.StartsWith("closed", StringComparison.Ordinal) && s.Failed == 0 && s.P99 <= p99Milliseconds)
            .MaxBy(s => s.Throughput);

    public void Write(string path, string notes)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {title}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.")
            .AppendLine()
            .AppendLine("| step | completed | failed | requests/s | p50 ms | p99 ms | p99.9 ms | max ms |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var step in _steps)
        {
            text.AppendLine(Row(step));
        }
        text.AppendLine().AppendLine(notes).AppendLine();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.AppendAllText(path, text.ToString());
    }

    private static string Row(StepResult s) => string.Create(CultureInfo.InvariantCulture,
        $"| {s.Step} | {s.Completed:N0} | {s.Failed} | {s.Throughput:N0} | {s.P50:F2} | {s.P99:F2} | {s.P999:F2} | {s.Max:F1} |");
}
