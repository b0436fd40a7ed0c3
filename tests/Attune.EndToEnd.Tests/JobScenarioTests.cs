using Attune.EndToEnd.Tests.Infrastructure;

namespace Attune.EndToEnd.Tests;

/// <summary>Dataset export and data deletion jobs through boto3 (scripts/exports.py, scripts/deletions.py).</summary>
[Collection(SharedServerCollection.Name)]
public sealed class JobScenarioTests(SharedServer shared)
{
    [Fact]
    public Task Exports_write_bulk_put_or_all_rows_as_csv_read_back_equal_to_what_was_imported_and_put() =>
        shared.RunScenarioAsync("exports.py", shared.Server.ObjectRoot);

    [Fact]
    public Task Deletions_make_users_cold_start_at_once_leave_the_next_training_and_count_numDeleted() =>
        shared.RunScenarioAsync("deletions.py", shared.Server.ObjectRoot);
}
