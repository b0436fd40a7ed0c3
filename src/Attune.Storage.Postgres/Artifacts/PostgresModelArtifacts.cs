using System.Data;
using System.Text.Json;
using Attune.Storage.Artifacts;
using Npgsql;

namespace Attune.Storage.Postgres.Artifacts;

/// <summary>
/// <see cref="IModelArtifacts"/> in PostgreSQL (tables of deploy/sql/102-attune-artifacts.sql): a model streams into a new
/// generation of <see cref="ChunkSize"/> chunks, which one transaction then makes current while deleting the previous one.
/// </summary>
public sealed class PostgresModelArtifacts(NpgsqlDataSource dataSource) : IModelArtifacts
{
    public const int ChunkSize = 1 << 20;

    public void WriteModel(string solutionVersionArn, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var generation = Guid.NewGuid();
        using var connection = dataSource.OpenConnection();
        RemoveAbandonedUploads(connection, solutionVersionArn);
        Sql.Execute(connection, "INSERT INTO attune_model_uploads (generation, arn) VALUES (@generation, @arn)",
            ("generation", generation), ("arn", solutionVersionArn));
        long length;
        try
        {
            using var stream = new ChunkWriteStream(connection, generation);
            write(stream);
            stream.Flush();
            length = stream.Length;
        }
        catch
        {
            RemoveAbandonedUploads(connection, solutionVersionArn);
            throw;
        }

        using var transaction = connection.BeginTransaction();
        var previous = Sql.Rows(connection, "SELECT generation FROM attune_models WHERE arn = @arn FOR UPDATE",
            reader => reader.GetGuid(0), ("arn", solutionVersionArn));
        Sql.Execute(connection, """
            INSERT INTO attune_models (arn, generation, length) VALUES (@arn, @generation, @length)
            ON CONFLICT (arn) DO UPDATE SET generation = excluded.generation, length = excluded.length
            """, ("arn", solutionVersionArn), ("generation", generation), ("length", length));
        Sql.Execute(connection, "DELETE FROM attune_model_chunks WHERE generation = ANY(@previous)", ("previous", previous.ToArray()));
        Sql.Execute(connection, "DELETE FROM attune_model_uploads WHERE generation = @generation", ("generation", generation));
        transaction.Commit();
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
            DELETE FROM attune_models WHERE arn = @arn;
            DELETE FROM attune_model_metrics WHERE arn = @arn;
            """, ("arn", solutionVersionArn));
        RemoveAbandonedUploads(connection, solutionVersionArn);
        transaction.Commit();
    }

    /// <summary>Chunks of uploads of this ARN that never became current (a writer crashed or failed).</summary>
    private static void RemoveAbandonedUploads(NpgsqlConnection connection, string solutionVersionArn) =>
        Sql.Execute(connection, """
            DELETE FROM attune_model_chunks WHERE generation IN (SELECT generation FROM attune_model_uploads WHERE arn = @arn);
            DELETE FROM attune_model_uploads WHERE arn = @arn;
            """, ("arn", solutionVersionArn));
}
