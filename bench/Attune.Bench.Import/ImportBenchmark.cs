using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Postgres;
using Attune.Storage.Postgres.Datasets;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;

namespace Attune.Bench.Import;

/// <summary>
/// Imports the generated CSVs through the real import path (<see cref="IDatasetStore.Import"/>) into a fresh store (SQLite
/// in a temp directory, or a fresh group in PostgreSQL), then reads the interactions back as training would; prints and
/// records the figures.
/// </summary>
internal static class ImportBenchmark
{
    private const string GroupArn = "arn:aws:personalize:us-east-1:000000000000:dataset-group/bench";

    private static readonly AvroSchema InteractionsSchema = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
         {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}]}
        """);

    private static readonly AvroSchema ItemsSchema = AvroSchema.Parse("""
        {"type":"record","name":"Items","fields":[{"name":"ITEM_ID","type":"string"},{"name":"PRICE","type":"float"},
         {"name":"GENRES","type":"string","categorical":true},{"name":"CATEGORY_L1","type":"string","categorical":true},
         {"name":"CREATION_TIMESTAMP","type":"long"},{"name":"DESCRIPTION","type":["null","string"],"textual":true}]}
        """);

    private static readonly AvroSchema UsersSchema = AvroSchema.Parse("""
        {"type":"record","name":"Users","fields":[{"name":"USER_ID","type":"string"},{"name":"AGE","type":"int"},
         {"name":"GENDER","type":["null","string"],"categorical":true},{"name":"MEMBERSHIP","type":"string","categorical":true}]}
        """);

    public static void Run(BenchOptions options)
    {
        if (!File.Exists(options.InteractionsFile))
        {
            DatasetGenerator.Write(options);
        }

        if (options.Postgres is { } connectionString)
        {
            using var database = AttuneDatabase.Open(connectionString);
            var stores = new PostgresDatasetStores(database.DataSource);
            stores.Delete(GroupArn);
            try
            {
                var section = "\n## PostgreSQL: binary COPY into PostgresDatasetStores\n\n" +
                    Measure(stores, options, $"PostgresDatasetStore.Import (binary COPY into a fresh group; {ServerVersion(database)})")
                        .Replace("# Import benchmark", "Run", StringComparison.Ordinal);
                Console.Write(section);
                Directory.CreateDirectory(options.ResultsDirectory);
                File.AppendAllText(Path.Combine(options.ResultsDirectory, "import.md"), section);
            }
            finally
            {
                stores.Delete(GroupArn);
            }

            return;
        }

        var dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "attune-bench-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = Measure(new SqliteDatasetStores(dataDirectory), options,
                "CsvImporter.Import into a fresh SqliteDatasetStore (SQLite WAL, synchronous=NORMAL)");
            Console.Write(report);
            Directory.CreateDirectory(options.ResultsDirectory);
            File.WriteAllText(Path.Combine(options.ResultsDirectory, "import.md"), report);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (options.DataDirectory is null)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static string Measure(IDatasetStores stores, BenchOptions options, string path)
    {
        using var store = stores.Open(GroupArn);
        using var probe = new WriterProbe(store, InteractionsSchema);
        var interactions = Import(store, DatasetType.Interactions, InteractionsSchema, options.InteractionsFile);
        var writes = probe.Stop();
        var items = Import(store, DatasetType.Items, ItemsSchema, Path.Combine(options.OutDirectory, "items.csv"));
        var users = Import(store, DatasetType.Users, UsersSchema, Path.Combine(options.OutDirectory, "users.csv"));
        var clock = Stopwatch.StartNew();
        var data = store.ReadInteractions();
        var read = clock.Elapsed;
        var bytes = new FileInfo(options.InteractionsFile).Length;
        return Report(options, path, interactions, items, users, data.Count, read, bytes) + string.Create(CultureInfo.InvariantCulture,
            $"Concurrent live writer during the interactions import (one Put every 20 ms): {writes.Writes} writes, latency p50 {writes.P50Ms:F1} ms, p99 {writes.P99Ms:F1} ms, max {writes.MaxMs:F1} ms.\n");
    }

    private static string ServerVersion(AttuneDatabase database)
    {
        using var connection = database.DataSource.OpenConnection();
        return "PostgreSQL " + connection.PostgreSqlVersion;
    }

    /// <summary>Opens a kept store as a restarted server would and prints what an interrupted run left.</summary>
    public static void Recover(string dataDirectory)
    {
        using var store = SqliteDatasetStore.Open(dataDirectory, GroupArn);
        var discarded = store.DiscardInterruptedImports();
        Console.WriteLine($"discarded interrupted imports: {(discarded.Count == 0 ? "none" : string.Join(", ", discarded))}");
        foreach (var type in new[] { DatasetType.Interactions, DatasetType.Items, DatasetType.Users })
        {
            var job = JobArn(type);
            Console.WriteLine($"{type}: {store.CountRows(type):N0} visible rows; job {job} committed rows: {store.CommittedImportRows(job)?.ToString("N0") ?? "none"}");
        }
    }

    private static string JobArn(DatasetType type) => $"arn:aws:personalize:us-east-1:000000000000:dataset-import-job/bench-{type}";

    private static Measured Import(IDatasetStore store, DatasetType type, AvroSchema schema, string file)
    {
        var request = new ImportRequest(JobArn(type), type, schema, [file]);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = store.Import(request);
        return new Measured(result, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private sealed record Measured(ImportResult Result, TimeSpan Cpu);

    private static string Report(BenchOptions options, string path, Measured interactions, Measured items, Measured users, int readRows, TimeSpan read, long bytes)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"# Import benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(culture, $"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {Environment.OSVersion}, .NET {Environment.Version}.");
        text.AppendLine(culture, $"Data: `generate --rows {options.Rows} --users {options.Users} --items {options.Items} --seed {options.Seed}`; interactions.csv {bytes / 1e6:F1} MB.");
        text.AppendLine(culture, $"Path: {path}, {CsvImporter.RowsPerTransaction:N0} rows per staging transaction.");
        text.AppendLine();
        text.AppendLine(culture, $"Load average at the end: {LoadAverage()} (the machine is shared; wall time rises with load, CPU time much less).");
        text.AppendLine();
        text.AppendLine("| dataset | rows | wall s | rows/s | process CPU s | longest write transaction (ms) |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, (result, cpu)) in new[] { ("interactions", interactions), ("items", items), ("users", users) })
        {
            text.AppendLine(culture,
                $"| {name} | {result.Rows:N0} | {result.Elapsed.TotalSeconds:F2} | {result.Rows / result.Elapsed.TotalSeconds:N0} | {cpu.TotalSeconds:F2} | {result.LongestWriteTransaction.TotalMilliseconds:F0} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"ReadInteractions (columnar, for training): {readRows:N0} rows in {read.TotalSeconds:F2} s.");
        return text.ToString();
    }

    private static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3)) : "unknown";
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
}
