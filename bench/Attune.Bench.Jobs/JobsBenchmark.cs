using System.Diagnostics;
using System.Globalization;
using System.Text;
using Attune.Grains.Deletions;
using Attune.Grains.Exports;
using Attune.Storage.Datasets;
using Attune.Storage.Import;
using Attune.Storage.Objects;
using Attune.Storage.Schemas;
using Attune.Storage.Sqlite;

namespace Attune.Bench.Jobs;

/// <summary>
/// The export and deletion jobs' own code paths (<see cref="ExportParts"/>, <see cref="DeletionBatches"/>) on a
/// generated dataset in the embedded store: what the job grains spend their time in, without HTTP or Orleans.
/// </summary>
internal static class JobsBenchmark
{
    private const string Group = "arn:aws:personalize:us-east-1:000000000000:dataset-group/bench-jobs";

    private static readonly AvroSchema Interactions = AvroSchema.Parse("""
        {"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},
         {"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}]}
        """);

    public static async Task RunAsync(JobsOptions options)
    {
        var root = options.DataDirectory ?? Directory.CreateTempSubdirectory("attune-bench-jobs-").FullName;
        var objects = Path.Combine(root, "objects");
        Directory.CreateDirectory(Path.Combine(objects, "bench"));
        var culture = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        void Line(string text)
        {
            Console.WriteLine(text);
            report.AppendLine(text);
        }

        try
        {
            var csv = Path.Combine(objects, "bench", "interactions.csv");
            var generate = Measure(() => Generate(csv, options.Rows, options.Users));
            var stores = new SqliteDatasetStores(Path.Combine(root, "data"));
            using var store = stores.Open(Group);
            var import = Measure(() => store.Import(new ImportRequest("arn:aws:personalize:us-east-1:000000000000:dataset-import-job/bench",
                DatasetType.Interactions, Interactions, [csv])));
            File.Delete(csv);

            var objectStore = new LocalObjectStore(ImportSources.ObjectsOnly(objects));
            var parts = new ExportParts(objectStore, "s3://bench/export/", "bench-export");
            long exported = 0;
            var export = await MeasureAsync(async () => exported = await parts.WriteAsync(
                store, DatasetType.Interactions, Interactions.Fields, RowOrigins.All, null, CancellationToken.None));
            var files = Directory.GetFiles(Path.Combine(objects, "bench", "export"));
            var bytes = files.Sum(f => new FileInfo(f).Length);

            var doomed = Enumerable.Range(0, options.Delete).Select(u => string.Create(culture, $"u{u * (options.Users / options.Delete)}")).ToList();
            var before = store.CountRows(DatasetType.Interactions);
            var deleted = 0;
            var deletion = Measure(() => deleted = DeletionBatches.Run(store, "arn:aws:personalize:us-east-1:000000000000:data-deletion-job/bench", doomed, null));
            var after = store.CountRows(DatasetType.Interactions);

            Line($"# Export and deletion jobs benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            Line(string.Empty);
            Line($"Machine: {Environment.ProcessorCount} cores (shared by three engineers' builds and tests), {Environment.OSVersion}, .NET {Environment.Version}.");
            Line($"Data: {options.Rows:N0} generated interactions over {options.Users:N0} users and 50,000 items, imported into a fresh " +
                 "SQLite dataset store (embedded mode). Paths: `ExportParts` (the export job's writer: ingestionMode ALL, " +
                 "1,000,000-row parts through `LocalObjectStore.WriteAsync`) and `DeletionBatches` (the deletion job's store " +
                 "side: 10,000 users per transaction, recorded in the job's ledger).");
            Line(string.Empty);
            Line("| step | rows | wall s | rows/s | process CPU s | notes |");
            Line("|---|---|---|---|---|---|");
            Line($"| generate CSV | {options.Rows:N0} | {generate.Wall:F1} | {options.Rows / generate.Wall:N0} | {generate.Cpu:F1} | |");
            Line($"| import (bulk) | {options.Rows:N0} | {import.Wall:F1} | {options.Rows / import.Wall:N0} | {import.Cpu:F1} | |");
            Line($"| export ALL | {exported:N0} | {export.Wall:F1} | {exported / export.Wall:N0} | {export.Cpu:F1} | {files.Length} parts, {bytes / 1e6:N0} MB |");
            Line($"| delete {options.Delete:N0} users | {before - after:N0} removed | {deletion.Wall:F1} | {(before - after) / deletion.Wall:N0} | {deletion.Cpu:F1} | numDeleted {deleted:N0}; {after:N0} rows left |");
            Line(string.Empty);
            Line($"Load average at the end: {LoadAverage()} (the machine is shared; wall time rises with load, CPU time much less).");
            Directory.CreateDirectory(options.ResultsDirectory);
            await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, "jobs.md"), report.ToString());
        }
        finally
        {
            if (options.DataDirectory is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Generate(string path, int rows, int users)
    {
        var random = new Random(42);
        string[] types = ["view", "view", "view", "click", "purchase"];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"u{random.Next(users)},i{random.Next(50_000)},{1_700_000_000 + i},{types[random.Next(types.Length)]},{random.Next(1, 6)}\n"));
        }
    }

    private static (double Wall, double Cpu) Measure(Action action) =>
        MeasureAsync(() => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static async Task<(double Wall, double Cpu)> MeasureAsync(Func<Task> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
