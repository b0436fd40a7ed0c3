using Attune.Server.Wire;

namespace Attune.Server.Tests.Wire;

/// <summary>Which failures answer a retryable 503 (the cluster failed) and which stay bugs (500).</summary>
public sealed class ServiceUnavailableTests
{
    [Fact]
    public void Running_out_of_memory_anywhere_in_the_chain_names_the_cause_and_the_remedy()
    {
#pragma warning disable CA2201 // the runtime raises it when a slice does not fit; the test stands in for that

        var wrapped = new InvalidOperationException("activation failed", new OutOfMemoryException());

        Assert.Contains("ran out of memory", ServiceUnavailable.Explains(new OutOfMemoryException()), StringComparison.Ordinal);
        Assert.Contains("Attune:Serving:Shards", ServiceUnavailable.Explains(wrapped), StringComparison.Ordinal);
#pragma warning restore CA2201
    }

    [Fact]
    public void Timeouts_and_a_silo_that_left_are_unavailable_but_a_bug_is_not()
    {
        Assert.Contains("TimeoutException", ServiceUnavailable.Explains(new TimeoutException()), StringComparison.Ordinal);
        Assert.NotNull(ServiceUnavailable.Explains(new Orleans.Runtime.SiloUnavailableException()));
        Assert.Null(ServiceUnavailable.Explains(new InvalidOperationException("a bug")));
        Assert.Null(ServiceUnavailable.Explains(new ArgumentException("bad", new FormatException())));
    }

    [Fact]
    public void A_database_that_refuses_or_drops_connections_is_unavailable_but_a_violated_constraint_is_not()
    {
        var tooManyClients = new Npgsql.PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300");
        var duplicate = new Npgsql.PostgresException("duplicate key value", "ERROR", "ERROR", "23505");

        Assert.Contains("too many clients already", ServiceUnavailable.Explains(new InvalidOperationException("refresh", tooManyClients)), StringComparison.Ordinal);
        Assert.NotNull(ServiceUnavailable.Explains(new Npgsql.NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.Null(ServiceUnavailable.Explains(duplicate));
    }
}
