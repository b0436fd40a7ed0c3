using System.Globalization;
using Attune.Bench.Accuracy;

string command = args.Length > 0 ? args[0] : "accuracy";
string dataRoot = command == "context" ? "" : Option("--data") ?? FindDataRoot();
switch (command)
{
    case "accuracy":
        AccuracyRun.Run(dataRoot, Option("--out") ?? Path.Combine("bench", "results", "accuracy.md"), Option("--only"),
            Option("--rows") is { } rows ? int.Parse(rows, CultureInfo.InvariantCulture) : null);
        break;
    case "tune":
        TuneRun.Run(dataRoot, Option("--only"), args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray());
        break;
    case "hpo":
        HpoRun.Run(dataRoot, Option("--only"), Option("--recipe") ?? "aws-user-personalization", int.Parse(Option("--jobs") ?? "8"));
        break;
    case "scale":
        ScaleRun.Run(int.Parse(Option("--interactions") ?? "10000000"), int.Parse(Option("--items") ?? "1000000"),
            Option("--out") ?? Path.Combine("bench", "results", "scale.md"),
            Option("--rows") is { } scaleRows ? int.Parse(scaleRows, CultureInfo.InvariantCulture) : null);
        break;
    case "context":
        ContextRun.Run(Option("--data") ?? throw new ArgumentException("context needs --data FOLDER (tools/generate-context.py)"),
            Option("--column") ?? "DEVICE", Option("--out") ?? Path.Combine("bench", "results", "context.md"));
        break;
    default:
        Console.Error.WriteLine("usage: Attune.Bench.Accuracy accuracy|tune|hpo|scale|context [--data DIR] [--out FILE] [--only DATASET]");
        return 2;
}

return 0;

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string FindDataRoot()
{
    foreach (string candidate in new[] { "shared/data", "../shared/data", "/work/shared/data" })
    {
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException("Pass --data with the folder holding the datasets.");
}
