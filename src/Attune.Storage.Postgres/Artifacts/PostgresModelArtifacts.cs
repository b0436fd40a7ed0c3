using System.Data;
using System.Text.Json;
using Attune.Storage.Artifacts;
using Npgsql;

namespace Attune.Storage.Postgres.Artifacts;

/// <summary>
/// <see cref="IModelArtifacts"/> in PostgreSQL (tables of deploy/sql/102-attune-artifacts.sql): a model streams into a new
/// generation of <see cref="ChunkSize"/> chunks, which one transaction then makes current while deleting the previous one,
/// so readers see the old model or the new one, never a mix. An upload holds a session advisory lock on its generation
/// while it runs; an upload whose lock is free was abandoned by a writer that crashed or lost its connection, and the
/// next write of any model, or <see cref="RemoveAbandonedUploads()"/> when a silo starts, removes it. Deleting a model removes its uploads in progress too, which then fail.
/// </summary>
public sealed class PostgresModelArtifacts(NpgsqlDataSource dataSource) : IModelArtifacts
{
    public const int ChunkSize = 1 << 20;

    private static readonly string UploadLockKey = UploadLock("@generation");

    public void WriteModel(string solutionVersionArn, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var generation = Guid.NewGuid();
        using var connection = dataSource.OpenConnection();
        RemoveAbandonedUploads(connection);
        Sql.Execute(connection, $"SELECT pg_advisory_lock({UploadLockKey})", ("generation", generation));
        Sql.Execute(connection, "INSERT INTO attune_model_uploads (generation, arn) VALUES (@generation, @arn)",
            ("generation", generation), ("arn", solutionVersionArn));
        try
        {
            long length;
            using (var stream = new ChunkWriteStream(connection, generation))
            {
                write(stream);
                stream.Flush();
                length = stream.Length;
            }

            Publish(connection, solutionVersionArn, generation, length);
        }
        catch
        {
            TryRemoveUpload(connection, generation);
            throw;
        }

        Sql.Execute(connection, $"SELECT pg_advisory_unlock({UploadLockKey})", ("generation", generation));
    }

    public Stream OpenModel(string solutionVersionArn)
    {
        var connection = dataSource.OpenConnection();
        try
        {
            // The snapshot keeps the chunks of this generation readable even if a new model replaces it meanwhile.
            var snapshot = connection.BeginTransaction(IsolationLevel.RepeatableRead);
            var current = Sql.Rows(connection, "SELECT generation, length FROM attune_models WHERE arn = @arn",
                reader => (Generation: reader.GetGuid(0), Length: reader.GetInt64(1)), ("arn", solutionVersionArn));
            if (current.Count == 0)
            {
                throw new FileNotFoundException($"No model was stored for {solutionVersionArn}.");
            }

            return new ChunkReadStream(connection, snapshot, current[0].Generation, current[0].Length);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void WriteMetrics(string solutionVersionArn, IReadOnlyDictionary<string, double> metrics)
    {
        using var connection = dataSource.OpenConnection();
        Sql.Execute(connection, """
            INSERT INTO attune_model_metrics (arn, metrics) VALUES (@arn, @metrics)
            ON CONFLICT (arn) DO UPDATE SET metrics = excluded.metrics
            """, ("arn", solutionVersionArn), ("metrics", JsonSerializer.Serialize(metrics)));
    }

    public IReadOnlyDictionary<string, double> ReadMetrics(string solutionVersionArn)
    {
        using var connection = dataSource.OpenConnection();
        var stored = Sql.Rows(connection, "SELECT metrics FROM attune_model_metrics WHERE arn = @arn",
            reader => reader.GetString(0), ("arn", solutionVersionArn));
        return stored.Count == 0
            ? new Dictionary<string, double>()
            : JsonSerializer.Deserialize<Dictionary<string, double>>(stored[0]) ?? [];
    }

    public void Delete(string solutionVersionArn)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, """
            DELETE FROM attune_model_chunks WHERE generation IN (SELECT generation FROM attune_models WHERE arn = @arn);
            DELETE FROM attune_model_chunks WHERE generation IN (SELECT generation FROM attune_model_uploads WHERE arn = @arn);
            DELETE FROM attune_models WHERE arn = @arn;
            DELETE FROM attune_model_uploads WHERE arn = @arn;
            DELETE FROM attune_model_metrics WHERE arn = @arn;
            """, ("arn", solutionVersionArn));
        transaction.Commit();
    }

    /// <summary>
    /// Makes the upload current, unless the model was deleted meanwhile (its upload row is gone), under a lock per ARN so
    /// that concurrent writers of one model each delete the generation they replace, the first model included.
    /// </summary>
    private static void Publish(NpgsqlConnection connection, string solutionVersionArn, Guid generation, long length)
    {
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, $"SELECT pg_advisory_xact_lock({Sql.ModelPublishLockSpace}, hashtext(@arn))", ("arn", solutionVersionArn));
        if (Sql.Execute(connection, "DELETE FROM attune_model_uploads WHERE generation = @generation", ("generation", generation)) != 1)
        {
            throw new InvalidOperationException($"The model of {solutionVersionArn} was deleted while it was being written.");
        }

        var previous = Sql.Rows(connection, "SELECT generation FROM attune_models WHERE arn = @arn",
            reader => reader.GetGuid(0), ("arn", solutionVersionArn));
        Sql.Execute(connection, """
            INSERT INTO attune_models (arn, generation, length) VALUES (@arn, @generation, @length)
            ON CONFLICT (arn) DO UPDATE SET generation = excluded.generation, length = excluded.length
            """, ("arn", solutionVersionArn), ("generation", generation), ("length", length));
        Sql.Execute(connection, "DELETE FROM attune_model_chunks WHERE generation = ANY(@previous)", ("previous", previous.ToArray()));
        transaction.Commit();
    }

    /// <summary>Removes the uploads whose writer is gone, so a crash's chunks need not wait for the next training.</summary>
    public void RemoveAbandonedUploads()
    {
        using var connection = dataSource.OpenConnection();
        RemoveAbandonedUploads(connection);
    }

    /// <summary>Uploads (of any model) whose writer is gone: nobody holds their lock.</summary>
    private static void RemoveAbandonedUploads(NpgsqlConnection connection) =>
        Sql.Execute(connection, $"""
            WITH abandoned AS (
                DELETE FROM attune_model_uploads WHERE pg_try_advisory_xact_lock({UploadLock("generation")})
                RETURNING generation)
            DELETE FROM attune_model_chunks WHERE generation IN (SELECT generation FROM abandoned)
            """);

    /// <summary>A failed write removes its own chunks; if its connection is broken, its lock went with it and a later write removes them.</summary>
    private static void TryRemoveUpload(NpgsqlConnection connection, Guid generation)
    {
        try
        {
            Sql.Execute(connection, """
                DELETE FROM attune_model_chunks WHERE generation = @generation;
                DELETE FROM attune_model_uploads WHERE generation = @generation;
                """, ("generation", generation));
            Sql.Execute(connection, $"SELECT pg_advisory_unlock({UploadLockKey})", ("generation", generation));
        }
        catch (NpgsqlException)
        {
            // Broken connection: the write's own error is the one to report.
        }
    }

    /// <summary>The advisory lock key of the upload whose generation <paramref name="generation"/> (a parameter or column) names.</summary>
    private static string UploadLock(string generation) => $"{Sql.ModelUploadLockSpace}, hashtext({generation}::text)";
}
