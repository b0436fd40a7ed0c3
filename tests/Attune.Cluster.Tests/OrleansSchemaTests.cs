using Attune.Cluster.Tests.Infrastructure;
using Attune.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Providers;
using Orleans.Storage;

namespace Attune.Cluster.Tests;

/// <summary>Attune's hand-written PostgreSQL schema against the real ADO.NET providers: membership, grain state, reminders.</summary>
public sealed class OrleansSchemaTests(TestPostgres postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_scripts_apply_twice_and_leave_every_query_the_providers_read()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(token);

        await PostgresSchemaMigrator.ApplyAsync(database, token);
        await PostgresSchemaMigrator.ApplyAsync(database, token);

        var keys = await QueryAsync(database, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", token);
        Assert.Equal(
            ["CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey",
             "DeleteReminderRowsKey", "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
             "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
             "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
             "WriteToStorageKey"],
            keys);
        Assert.Equal(["001-orleans-main.sql", "002-orleans-clustering.sql", "003-orleans-persistence.sql", "004-orleans-reminders.sql"],
            PostgresSchemaMigrator.Scripts.Select(s => s.Name));
    }

    [Fact]
    public async Task Two_silos_join_share_grain_state_with_etag_checks_and_fire_reminders()
    {
        var token = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(token);
        await PostgresSchemaMigrator.ApplyAsync(database, token);
        await using var first = await InProcessSilo.StartAsync("first", database, token);
        await using var second = await InProcessSilo.StartAsync("second", database, token);

        var active = await QueryAsync(database, "SELECT SiloName FROM OrleansMembershipTable WHERE Status = 3 ORDER BY SiloName", token);
        Assert.Equal(["first", "second"], active);

        await CheckGrainStateAsync(first, second);
        await CheckReminderAsync(first, database, token);
    }

    private static async Task CheckGrainStateAsync(InProcessSilo first, InProcessSilo second)
    {
        var storageOfFirst = first.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var storageOfSecond = second.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grain = GrainId.Create("probe", InProcessSilo.UniqueName("state"));

        var written = new GrainState<ProbeState>(new ProbeState { Value = 1 });
        await storageOfFirst.WriteStateAsync("probe", grain, written);
        var stale = new GrainState<ProbeState>();
        await storageOfSecond.ReadStateAsync("probe", grain, stale);
        Assert.True(stale.RecordExists);
        Assert.Equal(1, stale.State!.Value);
        Assert.Equal(written.ETag, stale.ETag);

        written.State = new ProbeState { Value = 2 };
        await storageOfFirst.WriteStateAsync("probe", grain, written);
        stale.State = new ProbeState { Value = 99 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storageOfSecond.WriteStateAsync("probe", grain, stale));
        var neverRead = new GrainState<ProbeState>(new ProbeState { Value = 98 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storageOfSecond.WriteStateAsync("probe", grain, neverRead));

        var current = new GrainState<ProbeState>();
        await storageOfSecond.ReadStateAsync("probe", grain, current);
        Assert.Equal(2, current.State!.Value);
        Assert.Equal(written.ETag, current.ETag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storageOfSecond.ClearStateAsync("probe", grain, stale));
        await storageOfSecond.ClearStateAsync("probe", grain, current);
        var cleared = new GrainState<ProbeState>();
        await storageOfFirst.ReadStateAsync("probe", grain, cleared);
        Assert.False(cleared.RecordExists);
    }

    private static async Task CheckReminderAsync(InProcessSilo silo, string database, CancellationToken token)
    {
        var name = InProcessSilo.UniqueName("reminder");
        var fired = ProbeGrain.Fired.GetOrAdd(name, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        var probe = silo.Grains.GetGrain<IProbeGrain>(name);

        await probe.RemindAsync(name, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(["1"], await QueryAsync(database, $"SELECT count(*)::text FROM OrleansRemindersTable WHERE ReminderName = '{name}'", token));
        Assert.Equal(await probe.SiloAsync(), await fired.Task.WaitAsync(Patience, token));

        await probe.ForgetAsync(name);
        Assert.Equal(["0"], await QueryAsync(database, $"SELECT count(*)::text FROM OrleansRemindersTable WHERE ReminderName = '{name}'", token));
    }

    private static async Task<List<string>> QueryAsync(string database, string sql, CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var values = new List<string>();
        while (await reader.ReadAsync(token))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
