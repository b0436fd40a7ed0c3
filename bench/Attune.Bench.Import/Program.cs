using Attune.Bench.Import;

var options = BenchOptions.Parse(args);
switch (options.Command)
{
    case "generate":
        DatasetGenerator.Write(options);
        break;
    case "import":
        ImportBenchmark.Run(options);
        break;
    case "recover" when options.DataDirectory is not null:
        ImportBenchmark.Recover(options.DataDirectory);
        break;
    default:
        Console.Error.WriteLine(BenchOptions.Usage);
        return 2;
}

return 0;
