using System.Globalization;
using Attune.Storage;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using Orleans.Storage;

namespace Attune.Grains.Persistence;

/// <summary>
/// Orleans grain storage on a SQLite file, for embedded mode. State is written with the Orleans binary
/// serializer (version tolerant through [Id]s, unlike the JSON default of the ADO.NET provider) and guarded
/// by an integer ETag, so a stale activation's write fails with <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly Serializer _serializer;

    public SqliteGrainStorage(string databasePath, string serviceId, Serializer serializer)
    {
        _connectionString = SqliteFiles.ConnectionString(databasePath);
        _serviceId = serviceId;
        _serializer = serializer;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id TEXT NOT NULL,
                grain_id TEXT NOT NULL,
                state_name TEXT NOT NULL,
                etag INTEGER NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (service_id, grain_id, state_name)) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT etag, payload FROM grain_state
            WHERE service_id = $service AND grain_id = $grain AND state_name = $state
            """;
        BindKey(command, stateName, grainId);
        using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        grainState.State = _serializer.Deserialize<T>((byte[])reader.GetValue(1));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = grainState.ETag is null ? 0 : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = _serializer.SerializeToArray(grainState.State);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = expected == 0
            ? """
              INSERT INTO grain_state (service_id, grain_id, state_name, etag, payload)
              VALUES ($service, $grain, $state, 1, $payload) ON CONFLICT DO NOTHING
              """
            : """
              UPDATE grain_state SET etag = etag + 1, payload = $payload
              WHERE service_id = $service AND grain_id = $grain AND state_name = $state AND etag = $etag
              """;
        BindKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$etag", expected);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException(
                $"State '{stateName}' of {grainId} was changed by someone else.", "unknown", grainState.ETag ?? "none");
        }
        grainState.ETag = (expected + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE service_id = $service AND grain_id = $grain AND state_name = $state";
        BindKey(command, stateName, grainId);
        await command.ExecuteNonQueryAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private SqliteConnection Open() => SqliteFiles.Open(_connectionString);

    private void BindKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
    }
}
