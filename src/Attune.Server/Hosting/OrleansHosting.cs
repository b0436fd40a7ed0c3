using Attune.Grains.Persistence;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Attune.Server.Hosting;

/// <summary>The co-hosted silo of embedded mode: localhost clustering and grain state in SQLite under the data directory.</summary>
internal static class OrleansHosting
{
    public static void AddEmbeddedSilo(this WebApplicationBuilder builder, AttuneOptions attune, SiloOptions silo)
    {
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });
            orleans.UseLocalhostClustering(siloPort: silo.SiloPort, gatewayPort: silo.GatewayPort);
            orleans.UseInMemoryReminderService();
            orleans.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, _) =>
                (IGrainStorage)new SqliteGrainStorage(
                    Path.Combine(attune.FullDataDir, "grains.db"), silo.ServiceId, services.GetRequiredService<Serializer>()));
        });
    }
}
