using Attune.Bench.Jobs;

if (args.Length > 0 && args[0] is "-h" or "--help")
{
    Console.WriteLine(JobsOptions.Usage);
    return 0;
}
await JobsBenchmark.RunAsync(JobsOptions.Parse(args));
return 0;
