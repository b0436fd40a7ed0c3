using System.Globalization;
using Attune.EndToEnd.Tests.Infrastructure;
using Attune.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>
/// A cluster-mode silo in the test process, configured by the server's own UseAttuneCluster, so tests can reach
/// its storage provider and host the probe grain; reminders may be as short as a second.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private InProcessSilo(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<InProcessSilo> StartAsync(string name, string connectionString, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Membership:ProbeTimeout"] = "00:00:01",
            ["Orleans:Membership:NumMissedProbesLimit"] = "2",
        });
        var options = new SiloOptions
        {
            SiloName = name,
            AdvertisedAddress = "127.0.0.1",
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
        };
        builder.UseOrleans(orleans => orleans
            .UseAttuneCluster(builder.Configuration, options, connectionString)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new InProcessSilo(host);
    }

    public static string UniqueName(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Guid.NewGuid():N}");

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
