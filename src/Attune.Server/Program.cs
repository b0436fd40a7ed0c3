using Attune.Server.Auth;
using Attune.Server.WebConsole;
using Attune.Server.Health;
using Attune.Server.Hosting;
using Attune.Server.Observability;
using Attune.Server.Wire;
using OpenTelemetry.Metrics;
using Serilog;
using Serilog.Events;

if (args is ["keys", .. var keyArguments])
{
    return await KeysCommand.RunAsync(keyArguments);
}

if (CommandLine.AsksForHelp(args))
{
    Console.Out.WriteLine(CommandLine.Help());
    return 0;
}

var settings = CommandLine.Normalize(args);
var builder = WebApplication.CreateBuilder(settings);
builder.Configuration.AddCommandLine(settings, CommandLineSwitches.Mappings);
var problems = CommandLine.UnknownFlags(args).Concat(SettingsCheck.Problems(builder.Configuration)).ToList();
if (problems.Count > 0)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, problems.Select(p => $"attune: {p}")));
    return 2;
}
// Kestrel's own endpoint configuration (Kestrel:Endpoints:Https:Url with a certificate) replaces the default URL.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls(ServerDefaults.Url);
}

var attune = builder.Configuration.GetSection(AttuneOptions.Section).Get<AttuneOptions>() ?? new AttuneOptions();
var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
var mode = ClusterModeOptions.From(builder.Configuration); // embedded or cluster, silo or gateway: decided here only
builder.Services.Configure<AttuneOptions>(builder.Configuration.GetSection(AttuneOptions.Section));
builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection(SiloOptions.Section));

// Defaults first; a "Serilog" configuration section overrides them.
builder.Services.AddSerilog((services, logging) => logging
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
    .MinimumLevel.Override("Polly", LogEventLevel.Warning)
    .Filter.ByExcluding(StartupWatchdogNoise.IsImpossibleStall)
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .ReadFrom.Configuration(builder.Configuration));
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
    .AddMeter(RequestMetrics.MeterName)
    .AddMeter("Microsoft.Orleans") // activations, messaging and membership figures of the silo or client
    .AddMeter("System.Runtime") // GC heap sizes and collections: what live user state costs (bench/results/events.md)
    .AddAspNetCoreInstrumentation()
    .AddPrometheusExporter());
builder.Services.AddAttuneAuth(builder.Configuration, attune, mode); // SettingsCheck has refused a mode it cannot use
builder.Services.AddAttune(attune, mode);
builder.Services.AddAttuneConsole(builder.Configuration);
builder.AddOrleans(attune, silo, mode);
builder.AddAttuneTelemetry(mode); // runtime metrics; tracing when an OTLP endpoint is configured

var app = builder.Build();
if (mode.Role == ServerRole.Silo)
{
    app.Services.GetRequiredService<ModelMemoryMetrics>(); // creates the model memory gauges (gateways hold no models)
}
app.UseSerilogRequestLogging(options => options.GetLevel = (http, _, error) =>
    error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Debug);
app.MapAttuneConsole(); // /console/ and its API; a browser at / is sent there
app.MapPersonalizeApis();
app.MapAttuneHealthChecks(); // /health/live, /health/ready and /health (= ready)
app.MapPrometheusScrapingEndpoint("/metrics");
StartupBanner.PrintWhenStarted(app, attune, mode);
app.Run();
return 0;
