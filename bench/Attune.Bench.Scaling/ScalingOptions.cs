using System.Globalization;

namespace Attune.Bench.Scaling;

/// <summary>Command-line options of the scaling bench.</summary>
internal sealed record ScalingOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Attune.Bench.Scaling -- [--silos 1,2,4,8] [--gateways G]
                 [--connections-per-front-door C] [--seconds S] [--dataset ml-100k] [--data-root DIR]
                 [--server PATH] [--root DIR] [--results bench/results/scaling.md] [--plot bench/results/scaling.png]
        --server is the server to start: Attune.Server.dll (run with dotnet; default: the repository's Release build)
        or a self-contained Attune.Server executable (bench/Attune.Bench.Scaling/bundle.sh builds one, with this bench,
        for a host without the .NET SDK). --root is the folder holding tools/postgres-test-server.sh (default: the
        repository around the current directory).
        Starts its own PostgreSQL (tools/postgres-test-server.sh), builds a user-personalization campaign once,
        then for each silo count N runs N silo processes (plus G gateway processes) of the server on this host
        against one cluster database and drives GetRecommendations (and PutEvents, when the server answers it)
        closed-loop through every front door. Writes a markdown table and a PNG plot of requests/s against N.

        With --spread-items N it runs the model-spread experiment instead: a synthetic catalogue of N items, an
        item_knn model with --neighbors K per item trained on a silo without a memory limit, then served by each of
        --spread-silos counts of silos started with --silo-heap-mb each (a GC heap hard limit) and --shards shards;
        it reports what each silo holds (attune_model_bytes) and whether requests succeed, in --spread-results.
        """;

    public IReadOnlyList<int> Silos { get; init; } = [1, 2, 4, 8];

    public int Gateways { get; init; }

    public int ConnectionsPerFrontDoor { get; init; } = 8;

    public int Seconds { get; init; } = 10;

    public string Dataset { get; init; } = "ml-100k";

    public string DataRoot { get; init; } = "/work/shared/data";

    public string? Server { get; init; }

    public string? Root { get; init; }

    public string Results { get; init; } = "bench/results/scaling.md";

    public string Plot { get; init; } = "bench/results/scaling.png";

    public bool Help { get; init; }

    public int? SpreadItems { get; init; }

    public IReadOnlyList<int> SpreadSilos { get; init; } = [1, 4];

    public int SiloHeapMb { get; init; } = 512;

    public int Shards { get; init; } = 8;

    public int Neighbors { get; init; } = 200;

    public string SpreadResults { get; init; } = "bench/results/spread.md";

    public static ScalingOptions Parse(string[] args)
    {
        var options = new ScalingOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                options = options with { Help = true };
                continue;
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            }
            var value = args[++i];
            options = args[i - 1] switch
            {
                "--silos" => options with { Silos = [.. value.Split(',').Select(Int)] },
                "--gateways" => options with { Gateways = Int(value) },
                "--connections-per-front-door" => options with { ConnectionsPerFrontDoor = Int(value) },
                "--seconds" => options with { Seconds = Int(value) },
                "--dataset" => options with { Dataset = value },
                "--data-root" => options with { DataRoot = value },
                "--server" => options with { Server = value },
                "--root" => options with { Root = value },
                "--results" => options with { Results = value },
                "--plot" => options with { Plot = value },
                "--spread-items" => options with { SpreadItems = Int(value) },
                "--spread-silos" => options with { SpreadSilos = [.. value.Split(',').Select(Int)] },
                "--silo-heap-mb" => options with { SiloHeapMb = Int(value) },
                "--shards" => options with { Shards = Int(value) },
                "--neighbors" => options with { Neighbors = Int(value) },
                "--spread-results" => options with { SpreadResults = value },
                _ => throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}"),
            };
        }
        return options;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
