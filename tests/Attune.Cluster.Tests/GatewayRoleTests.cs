using Attune.Cluster.Tests.Infrastructure;
using Attune.Server.Auth;
using Attune.Server.ControlPlane;
using Attune.Server.Hosting;
using Attune.Server.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Attune.Cluster.Tests;

/// <summary>
/// The gateway role's services, wired exactly as Program.cs wires them, without starting Orleans (the stores reach a
/// real, empty database when resolved).
/// </summary>
public sealed class GatewayRoleTests(TestPostgres postgres) : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("attune-gateway-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Every_front_door_service_resolves_through_the_orleans_client_and_no_silo_service_is_registered()
    {
        var database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        using var app = Build(["--cluster", database, "--role", "gateway"]);

        Assert.NotNull(app.Services.GetRequiredService<ApiPipeline>());
        Assert.NotEmpty(app.Services.GetServices<IOperationFamily>());
        Assert.NotNull(app.Services.GetRequiredService<IClusterClient>());
        Assert.Null(app.Services.GetService<ILocalSiloDetails>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is RecoveryService or PostgresSchemaMigrator);
    }

    [Fact]
    public async Task A_cluster_silo_applies_the_schema_before_the_silo_starts_and_runs_recovery()
    {
        var database = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        using var app = Build(["--cluster", database]);

        var hosted = app.Services.GetServices<IHostedService>().ToList();
        var migrator = hosted.FindIndex(s => s is PostgresSchemaMigrator);
        var silo = hosted.FindIndex(s => s.GetType().Name == "SiloHostedService");
        Assert.InRange(migrator, 0, silo - 1);
        Assert.Contains(hosted, s => s is RecoveryService);
        Assert.NotNull(app.Services.GetRequiredService<ILocalSiloDetails>());
    }

    [Fact]
    public void The_gateway_role_needs_a_cluster_and_postgres_uris_become_npgsql_connection_strings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(["--role", "gateway"]));
        Assert.Contains("--cluster", error.Message, StringComparison.Ordinal);

        Assert.Equal(
            "Host=db.example;Port=5433;Username=attune;Password=p@ss;Database=attune;SSL Mode=Require",
            ClusterModeOptions.ToNpgsqlConnectionString("postgres://attune:p%40ss@db.example:5433/attune?sslmode=require"));
    }

    /// <summary>The registrations of Program.cs for these command-line arguments, built but not started.</summary>
    private WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, CommandLineSwitches.Mappings);
        builder.Configuration["Attune:DataDir"] = _dataDirectory;
        var attune = new AttuneOptions { DataDir = _dataDirectory };
        var mode = ClusterModeOptions.From(builder.Configuration);
        builder.Services.AddAttuneAuth(builder.Configuration, attune, mode);
        builder.Services.AddAttune(attune, mode);
        builder.AddOrleans(attune, new SiloOptions(), mode);
        return builder.Build();
    }
}
