using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Bench.Load;

namespace Attune.Bench.Scaling;

/// <summary>
/// The model-spread experiment: a model whose payload is larger than what one silo may hold is trained on a silo
/// without a memory limit, then served by silos each started with a GC heap hard limit. With one silo the whole
/// model's slices must fit in one heap; with several, each silo holds only the slices of the shards placed on it.
/// </summary>
internal static class SpreadExperiment
{
    public static async Task RunAsync(ScalingOptions options, string root, string server, string machine)
    {
        int itemCount = options.SpreadItems!.Value;
        await using var postgres = await BenchPostgres.StartAsync(root);
        var dataDirectory = Directory.CreateTempSubdirectory("attune-spread-").FullName;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
        string[] serving = ["--Attune:Serving:Shards", Text(options.Shards), "--Attune:Serving:MinShardItems", "1024"];
        try
        {
            var (interactions, items) = SyntheticCatalogue.Write(Path.Combine(dataDirectory, "synthetic"), itemCount);
            BenchCampaign campaign;
            ModelHeld trained;
            await using (var trainer = await ClusterNodes.StartAsync(server, postgres.ConnectionString, dataDirectory, 1, 0, "spread-train", serving))
            {
                var started = DateTime.UtcNow;
                campaign = await CampaignSetup.CreateAsync(new ControlPlane(http, trainer.Endpoints[0]), interactions, items,
                    new JsonObject { ["model"] = "item_knn", ["neighbors"] = Text(options.Neighbors), ["metadata_weight"] = "0" });
                Console.WriteLine($"campaign ACTIVE after {(DateTime.UtcNow - started).TotalSeconds:F0} s");
                // One request loads every shard's slice on the only silo: their sum is the whole model's payload.
                await new ClosedLoop(http, trainer.Endpoints).RunAsync("load", "/recommendations", new RequestMix(campaign, 0).Body, 1, TimeSpan.FromSeconds(2));
                trained = await ModelHeld.ReadAsync(http, trainer, trainer.Endpoints[0]);
                Console.WriteLine($"trained: {trained}");
            }

            var rows = new List<SpreadRow>();
            var limit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = $"0x{(long)options.SiloHeapMb << 20:X}" };
            foreach (int silos in options.SpreadSilos)
            {
                await using var nodes = await ClusterNodes.StartAsync(server, postgres.ConnectionString, dataDirectory, silos, 0,
                    Text(silos) + "-spread", serving, limit);
                var loop = new ClosedLoop(http, nodes.Endpoints);
                var mix = new RequestMix(campaign, 0);
                await loop.RunAsync("warm-up", "/recommendations", mix.Body, 2 * silos, TimeSpan.FromSeconds(5));
                var result = await loop.RunAsync("GetRecommendations", "/recommendations", mix.Body, 2 * silos, TimeSpan.FromSeconds(options.Seconds));
                var held = new List<ModelHeld>();
                foreach (var endpoint in nodes.Endpoints)
                {
                    held.Add(await ModelHeld.ReadAsync(http, nodes, endpoint));
                }
                var answer = result.Failed > 0 ? await FailureAsync(http, nodes.Endpoints[0], mix.Body(0)) : "";
                var row = new SpreadRow(silos, result, held, answer);
                rows.Add(row);
                Console.WriteLine(row);
            }
            Write(options, machine, trained, rows);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static void Write(ScalingOptions options, string machine, ModelHeld trained, List<SpreadRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Model spread over silos ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Command: `dotnet run -c Release --project bench/Attune.Bench.Scaling -- --spread-items {options.SpreadItems} --neighbors {options.Neighbors} --shards {options.Shards} --silo-heap-mb {options.SiloHeapMb} --spread-silos {string.Join(',', options.SpreadSilos)} --seconds {options.Seconds}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Model: synthetic catalogue of {options.SpreadItems:N0} items, item_knn with {options.Neighbors} neighbours, {options.Shards} shards. " +
            $"On the training silo (no memory limit, all {options.Shards} slices on it; slices MiB / head MiB / resident MiB): {trained}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Serving silos each run with `DOTNET_GCHeapHardLimit` = {options.SiloHeapMb} MiB.");
        text.AppendLine();
        text.AppendLine("| silos | completed | failed | requests/s | p99 ms | per silo: slices MiB / head MiB / resident MiB |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Silos} | {row.Result.Completed:N0} | {row.Result.Failed:N0} | {row.Result.Throughput:N0} | {row.Result.P99:F1} | {string.Join("; ", row.Held)} |");
        }
        foreach (var row in rows.Where(r => r.FailedAnswer.Length > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"With {row.Silos} silo(s) a request then answered {row.FailedAnswer}");
        }
        File.WriteAllText(options.SpreadResults, text.ToString());
        Console.WriteLine($"Wrote {options.SpreadResults}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a request answers now (status and body), to show how a failing cluster fails.</summary>
    private static async Task<string> FailureAsync(HttpClient http, string endpoint, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri(endpoint + "/recommendations"), content);
            var text = await response.Content.ReadAsStringAsync();
            return $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}";
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return $"no answer ({error.GetType().Name})";
        }
    }

    private sealed record SpreadRow(int Silos, StepResult Result, List<ModelHeld> Held, string FailedAnswer)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Silos} silos: {Result.Completed:N0} ok, {Result.Failed:N0} failed, {Result.Throughput:N0}/s, p99 {Result.P99:F1} ms; {string.Join("; ", Held)} {FailedAnswer}");
    }

    /// <summary>What one process holds of the model (its gauges) and its resident memory; null resident when it died.</summary>
    private sealed record ModelHeld(long SliceBytes, long HeadBytes, long SliceItems, long? ResidentBytes)
    {
        public static async Task<ModelHeld> ReadAsync(HttpClient http, ClusterNodes nodes, string endpoint)
        {
            var resident = nodes.ResidentBytes(endpoint);
            if (resident is null)
            {
                return new ModelHeld(0, 0, 0, null);
            }
            var metrics = await http.GetStringAsync(new Uri(endpoint + "/metrics"));
            return new ModelHeld(Gauge(metrics, "attune_model_bytes", "slice"), Gauge(metrics, "attune_model_bytes", "head"),
                Gauge(metrics, "attune_model_items", "slice"), resident);
        }

        public override string ToString() => ResidentBytes is long resident
            ? string.Create(CultureInfo.InvariantCulture, $"{Mib(SliceBytes):F0} / {Mib(HeadBytes):F1} / {Mib(resident):F0} ({SliceItems:N0} items)")
            : "exited";

        private static double Mib(long bytes) => bytes / 1048576.0;

        private static long Gauge(string metrics, string name, string part) => metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains($"part=\"{part}\"", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
