namespace Attune.Server.Wire;

/// <summary>
/// Failures of the cluster rather than of the request: a silo that left, a call that timed out, a grain (a model shard)
/// that could not get the memory for its slice, a database that refused a connection (too many clients) or dropped
/// one. They answer AWS's common ServiceUnavailable (503), which SDKs retry, with a message that says what to do;
/// anything else is a bug and stays a 500.
/// </summary>
internal static class ServiceUnavailable
{
    public const string ErrorCode = "ServiceUnavailable";

    /// <summary>The message for a failure the cluster caused, or null for one it did not.</summary>
    public static string? Explains(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case OutOfMemoryException:
                    return "The service could not serve the request: a process ran out of memory (a model shard's slice, or the model itself, does " +
                        "not fit). Add silos or raise Attune:Serving:Shards so each holds less; the request can be retried.";
                case TimeoutException:
                case Orleans.Runtime.SiloUnavailableException:
                case Orleans.Runtime.OrleansMessageRejectionException:
                case Orleans.Runtime.ClientNotAvailableException:
                    return $"The service could not serve the request in time ({cause.GetType().Name}); the request can be retried.";
                case Npgsql.NpgsqlException { IsTransient: true } database:
                    return $"The database could not serve the request ({database.Message.TrimEnd('.')}); the request can be retried.";
            }
        }
        return null;
    }
}
