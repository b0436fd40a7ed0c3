using System.Net;
using Attune.Grains.Persistence;
using Attune.Storage.Postgres;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Attune.Server.Hosting;

/// <summary>
/// The Orleans side of each mode: embedded (one co-hosted silo, localhost clustering, grain state in SQLite),
/// cluster silo (membership, grain state and reminders in PostgreSQL) and cluster gateway (an Orleans client only).
/// </summary>
internal static class OrleansHosting
{
    public const string Invariant = "Npgsql";

    public static void AddOrleans(this WebApplicationBuilder builder, AttuneOptions attune, SiloOptions silo, ClusterModeOptions mode)
    {
        if (!mode.IsCluster)
        {
            builder.AddEmbeddedSilo(attune, silo);
        }
        else if (mode.Role == ServerRole.Silo)
        {
            // Registered before the silo so the schema exists when the silo's own hosted service starts.
            builder.Services.AddHostedService<PostgresSchemaMigrator>();
            builder.UseOrleans(orleans => orleans.UseAttuneCluster(builder.Configuration, silo, mode.ConnectionString));
        }
        else
        {
            builder.AddClusterGateway(silo, mode.ConnectionString);
        }
    }

    /// <summary>Cluster-mode silo settings; public to tests that host a silo of their own against a test database.</summary>
    public static ISiloBuilder UseAttuneCluster(this ISiloBuilder orleans, IConfiguration configuration, SiloOptions silo, string connectionString)
    {
        orleans.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = silo.ClusterId;
            o.ServiceId = silo.ServiceId;
        });
        orleans.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = silo.SiloNameOrDefault);
        if (silo.AdvertisedAddress is { Length: > 0 } advertised)
        {
            orleans.ConfigureEndpoints(IPAddress.Parse(advertised), silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            orleans.ConfigureEndpoints(silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
        }
        orleans.Configure<ClusterMembershipOptions>(configuration.GetSection(SiloOptions.MembershipSection));
        orleans.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionPools.Membership.ConnectionString(connectionString);
        });
        orleans.AddAdoNetGrainStorageAsDefault(options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionPools.GrainState.ConnectionString(connectionString);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        orleans.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionPools.Reminders.ConnectionString(connectionString);
        });
        return orleans;
    }

    private static void AddEmbeddedSilo(this WebApplicationBuilder builder, AttuneOptions attune, SiloOptions silo)
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

    /// <summary>The gateway role: an Orleans client that finds the silos' gateways in the membership table.</summary>
    private static void AddClusterGateway(this WebApplicationBuilder builder, SiloOptions silo, string connectionString) =>
        builder.UseOrleansClient(client => client.UseAttuneCluster(silo, connectionString));

    /// <summary>Cluster-mode client settings; public to tests that inspect a cluster through the management grain.</summary>
    public static IClientBuilder UseAttuneCluster(this IClientBuilder client, SiloOptions silo, string connectionString)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = silo.ClusterId;
            o.ServiceId = silo.ServiceId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = ConnectionPools.Membership.ConnectionString(connectionString);
        });
        // A gateway may start before any silo: keep trying until one answers or the host stops.
        client.UseConnectionRetryFilter(async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return !cancellationToken.IsCancellationRequested;
        });
        return client;
    }
}
