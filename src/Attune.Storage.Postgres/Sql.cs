using Npgsql;

namespace Attune.Storage.Postgres;

/// <summary>Small synchronous helpers for the dataset stores, whose callers run them on worker threads.</summary>
internal static class Sql
{
    /// <summary>Advisory lock namespaces (the first key of the two-key form).</summary>
    public const int GroupLockSpace = 0x61740001;
    public const int BatchLockSpace = 0x61740002;
    public const int TagLockSpace = 0x61740003;
    public const int ResourceInsertLockSpace = 0x61740004;
    public const int ModelUploadLockSpace = 0x61740005;
    public const int ModelPublishLockSpace = 0x61740006;

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Scalar(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<T> Rows<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Adds a statement with positional parameters (<c>$1</c>, <c>$2</c>, …; see <see cref="Positional"/>) to a batch.</summary>
    public static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }

    public static NpgsqlParameter Positional(object? value) => new() { Value = value ?? DBNull.Value };

    /// <summary>Serializes writers of one dataset group across processes until the current transaction ends.</summary>
    public static void LockGroup(NpgsqlConnection connection, string datasetGroupArn)
    {
        using var command = new NpgsqlCommand(LockGroupSql, connection);
        command.Parameters.Add(Positional(datasetGroupArn));
        command.ExecuteNonQuery();
    }

    /// <summary>What <see cref="LockGroup"/> runs, for batches: <c>$1</c> is the group's ARN.</summary>
    public static readonly string LockGroupSql = $"SELECT pg_advisory_xact_lock({GroupLockSpace}, hashtext($1))";

    /// <summary>A double-quoted identifier (names here come from code and schema field names, which are [A-Za-z_][A-Za-z0-9_]*).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
