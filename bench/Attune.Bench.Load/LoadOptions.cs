using System.Globalization;

namespace Attune.Bench.Load;

/// <summary>Command-line options: which dataset, how long each step runs, where results go.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        usage: Attune.Bench.Load [--dataset ml-latest-small | --synthetic-items N | --young-items N] [--data-root DIR] [--server-dll PATH]
                                 [--step-seconds S] [--rates r1,r2,...] [--concurrency c1,c2,...] [--filter-share F]
                                 [--results FILE] [--server-arg ARG ...]
        Starts the server on a fresh data directory, builds a user-personalization campaign through the control plane,
        then measures GetRecommendations: closed loop at each concurrency, open loop at each fixed rate, and the
        in-process engine alone (where the time goes). --young-items N generates N items all created within two days
        and measures the default campaign against explorationWeight 0 instead (closed loop, alternated).
        Each --server-arg is passed to the server (a setting such as
        --Attune:Telemetry:OtlpEndpoint=http://127.0.0.1:4317, to measure with tracing on).
        """;

    public string Dataset { get; init; } = "ml-latest-small";

    /// <summary>When set, a generated catalogue of this many items replaces the dataset.</summary>
    public int? SyntheticItems { get; init; }

    /// <summary>When set, a generated catalogue of this many items, all young: the exploration A/B.</summary>
    public int? YoungItems { get; init; }

    public string DataRoot { get; init; } = "/work/shared/data";

    public string? ServerDll { get; init; }

    public int StepSeconds { get; init; } = 8;

    public IReadOnlyList<int> Rates { get; init; } = [500, 1000, 2000, 4000, 8000];

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 2, 4, 8, 16, 32];

    public double FilterShare { get; init; } = 0.2;

    public string Results { get; init; } = "bench/results/load.md";

    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--dataset" => options with { Dataset = value },
                "--synthetic-items" => options with { SyntheticItems = Int(value) },
                "--young-items" => options with { YoungItems = Int(value) },
                "--data-root" => options with { DataRoot = value },
                "--server-dll" => options with { ServerDll = value },
                "--step-seconds" => options with { StepSeconds = Int(value) },
                "--rates" => options with { Rates = [.. value.Split(',').Select(Int)] },
                "--concurrency" => options with { Concurrency = [.. value.Split(',').Select(Int)] },
                "--filter-share" => options with { FilterShare = double.Parse(value, CultureInfo.InvariantCulture) },
                "--results" => options with { Results = value },
                "--server-arg" => options with { ServerArguments = [.. options.ServerArguments, value] },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
