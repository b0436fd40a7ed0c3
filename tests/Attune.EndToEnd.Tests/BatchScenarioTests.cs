using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>boto3 batch inference and batch segment jobs, output checked line by line against the runtime (scripts/batch.py).</summary>
[Collection(SharedServerCollection.Name)]
public sealed class BatchScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Batch_jobs_answer_every_line_as_the_runtime_does_and_segments_name_the_items_users() =>
        shared.RunScenarioAsync("batch.py", shared.Server.ObjectRoot);
}
