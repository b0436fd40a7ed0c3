using Attune.Storage.Resources;

namespace Attune.Storage.Tests.Contracts;

/// <summary>The behaviour every <see cref="IResourceRegistry"/> must have; each test gets an empty catalog.</summary>
public abstract class ResourceRegistryContract(IResourceRegistry registry)
{
    protected const string Prefix = "arn:aws:personalize:us-east-1:000000000000:";
    private readonly IResourceRegistry _registry = registry;

    [Fact]
    public async Task An_arn_can_be_inserted_once()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await _registry.TryInsertAsync(Record("dataset-group", "a"), [], ct));
        Assert.False(await _registry.TryInsertAsync(Record("dataset-group", "a"), [], ct));
        Assert.Equal("a", (await _registry.GetAsync(Prefix + "dataset-group/a", ct))!.Name);
    }

    [Fact]
    public async Task A_conditional_update_applies_only_while_the_status_is_the_expected_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var pending = Record("solution-version", "v") with { Status = ResourceStatus.CreatePending };
        await _registry.TryInsertAsync(pending, [], ct);

        Assert.True(await _registry.UpdateAsync(pending.WithStatus(ResourceStatus.CreateStopped, 2), ct));
        Assert.False(await _registry.UpdateIfStatusAsync(pending.WithStatus(ResourceStatus.CreateInProgress, 3), ResourceStatus.CreatePending, ct));
        Assert.Equal(ResourceStatus.CreateStopped, (await _registry.GetAsync(pending.Arn, ct))!.Status);

        Assert.True(await _registry.UpdateIfStatusAsync(pending.WithStatus(ResourceStatus.CreatePending, 4), ResourceStatus.CreateStopped, ct));
        Assert.Equal(ResourceStatus.CreatePending, (await _registry.GetAsync(pending.Arn, ct))!.Status);
        Assert.False(await _registry.UpdateIfStatusAsync(Record("solution-version", "missing"), ResourceStatus.Active, ct));
    }

    [Fact]
    public async Task Listing_pages_in_creation_order_within_kind_prefix_and_parent()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 5; i++)
        {
            await _registry.TryInsertAsync(Record("dataset", $"d{i}", parent: i % 2 == 0 ? "g1" : "g2"), [], ct);
        }
        await _registry.TryInsertAsync(Record("schema", "other"), [], ct);
        await _registry.TryInsertAsync(Record("dataset", "elsewhere") with { Arn = "arn:aws:personalize:eu-west-1:000000000000:dataset/x" }, [], ct);

        var first = await _registry.ListAsync("dataset", Prefix, null, 0, 2, ct);
        Assert.Equal(["d0", "d1"], first.Items.Select(r => r.Name));
        var second = await _registry.ListAsync("dataset", Prefix, null, first.NextSequence!.Value, 2, ct);
        Assert.Equal(["d2", "d3"], second.Items.Select(r => r.Name));
        var last = await _registry.ListAsync("dataset", Prefix, null, second.NextSequence!.Value, 2, ct);
        Assert.Equal(["d4"], last.Items.Select(r => r.Name));
        Assert.Null(last.NextSequence);

        var scoped = await _registry.ListAsync("dataset", Prefix, "g1", 0, 100, ct);
        Assert.Equal(["d0", "d2", "d4"], scoped.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Listing_newest_first_pages_backwards_from_the_newest()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 5; i++)
        {
            await _registry.TryInsertAsync(Record("data-deletion-job", $"j{i}", parent: i == 4 ? "other" : "g"), [], ct);
        }

        var first = await _registry.ListNewestFirstAsync("data-deletion-job", Prefix, "g", 0, 3, ct);
        Assert.Equal(["j3", "j2", "j1"], first.Items.Select(r => r.Name));
        var last = await _registry.ListNewestFirstAsync("data-deletion-job", Prefix, "g", first.NextSequence!.Value, 3, ct);
        Assert.Equal(["j0"], last.Items.Select(r => r.Name));
        Assert.Null(last.NextSequence);
    }

    [Fact]
    public async Task Transient_records_include_the_pending_and_running_data_deletion_jobs()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("data-deletion-job", "pending") with { Status = ResourceStatus.Pending }, [], ct);
        await _registry.TryInsertAsync(Record("data-deletion-job", "running") with { Status = ResourceStatus.InProgress }, [], ct);
        await _registry.TryInsertAsync(Record("data-deletion-job", "done") with { Status = ResourceStatus.Completed }, [], ct);
        await _registry.TryInsertAsync(Record("data-deletion-job", "failed") with { Status = ResourceStatus.Failed }, [], ct);
        Assert.Equal(["pending", "running"], (await _registry.ListTransientAsync(ct)).Select(r => r.Name));
    }

    [Fact]
    public async Task Transient_records_include_metric_attributions_being_updated()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("metric-attribution", "queued") with { Status = ResourceStatus.UpdatePending }, [], ct);
        await _registry.TryInsertAsync(Record("metric-attribution", "updating") with { Status = ResourceStatus.UpdateInProgress }, [], ct);
        await _registry.TryInsertAsync(Record("metric-attribution", "done"), [], ct);
        Assert.Equal(["queued", "updating"], (await _registry.ListTransientAsync(ct)).Select(r => r.Name));
    }

    [Fact]
    public async Task A_write_from_a_stale_read_loses_even_when_the_status_is_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("metric-attribution", "m") with { Body = """{"metrics":["a"]}""" }, [], ct);
        var read = (await _registry.GetAsync($"{Prefix}metric-attribution/m", ct))!;

        Assert.True(await _registry.UpdateIfUnchangedAsync(read with { Body = """{"metrics":["a","b"]}""" }, read, ct));
        Assert.False(await _registry.UpdateIfUnchangedAsync(read with { Body = """{"metrics":["a","c"]}""" }, read, ct));
        var stored = (await _registry.GetAsync($"{Prefix}metric-attribution/m", ct))!;
        Assert.Equal("""{"metrics":["a","b"]}""", stored.Body);
        Assert.False(await _registry.UpdateIfUnchangedAsync(stored, stored with { Status = ResourceStatus.UpdatePending }, ct));
        Assert.True(await _registry.UpdateIfUnchangedAsync(stored.WithStatus(ResourceStatus.UpdatePending, 2), stored, ct));
        Assert.Equal(ResourceStatus.UpdatePending, (await _registry.GetAsync($"{Prefix}metric-attribution/m", ct))?.Status);
    }

    [Fact]
    public async Task Recommenders_stopping_or_starting_are_transient_and_a_stopped_one_is_listed_as_inactive()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] statuses = [ResourceStatus.StopPending, ResourceStatus.StopInProgress, ResourceStatus.StartPending, ResourceStatus.StartInProgress];
        foreach (var status in statuses)
        {
            await _registry.TryInsertAsync(Record("recommender", status.Replace(' ', '-')) with { Status = status }, [], ct);
        }
        await _registry.TryInsertAsync(Record("recommender", "stopped") with { Status = ResourceStatus.Inactive }, [], ct);

        Assert.Equal(statuses, (await _registry.ListTransientAsync(ct)).Select(r => r.Status));
        var stopped = await _registry.GetAsync($"{Prefix}recommender/stopped", ct);
        Assert.Equal(ResourceStatus.Inactive, stopped?.Status);
        Assert.True(await _registry.UpdateIfStatusAsync(stopped!.WithStatus(ResourceStatus.StartPending, 2), ResourceStatus.Inactive, ct));
        Assert.Equal(ResourceStatus.StartPending, (await _registry.GetAsync($"{Prefix}recommender/stopped", ct))?.Status);
    }

    [Fact]
    public async Task Live_children_exclude_those_being_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("dataset", "a", parent: "g"), [], ct);
        await _registry.TryInsertAsync(Record("dataset", "b", parent: "g") with { Status = ResourceStatus.DeletePending }, [], ct);
        await _registry.TryInsertAsync(Record("filter", "c", parent: "g"), [], ct);
        var children = await _registry.ListLiveChildrenAsync("g", ["dataset"], ct);
        Assert.Equal(["a"], children.Select(r => r.Name));
    }

    [Fact]
    public async Task Transient_records_are_found_for_recovery()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("dataset", "done"), [], ct);
        await _registry.TryInsertAsync(Record("dataset", "pending") with { Status = ResourceStatus.CreatePending }, [], ct);
        await _registry.TryInsertAsync(Record("dataset-import-job", "running") with { Status = ResourceStatus.CreateInProgress }, [], ct);
        Assert.Equal(["pending", "running"], (await _registry.ListTransientAsync(ct)).Select(r => r.Name));
    }

    [Fact]
    public async Task References_are_found_by_body_member()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("dataset", "a") with { Body = """{"schemaArn":"s1"}""" }, [], ct);
        await _registry.TryInsertAsync(Record("dataset", "b") with { Body = """{"schemaArn":"s2"}""" }, [], ct);
        Assert.Equal(["a"], (await _registry.ListReferencingAsync("dataset", "schemaArn", "s1", ct)).Select(r => r.Name));
    }

    [Fact]
    public async Task Tags_are_capped_and_removable()
    {
        var ct = TestContext.Current.CancellationToken;
        var arn = Prefix + "schema/t";
        await _registry.TryInsertAsync(Record("schema", "t"), [new("a", "1")], ct);
        Assert.True(await _registry.SetTagsAsync(arn, [new("a", "2"), new("b", "3")], 2, ct));
        Assert.False(await _registry.SetTagsAsync(arn, [new("c", "4")], 2, ct));
        Assert.Equal([new("a", "2"), new("b", "3")], await _registry.GetTagsAsync(arn, ct));
        await _registry.RemoveTagsAsync(arn, ["a", "missing"], ct);
        Assert.Equal([new("b", "3")], await _registry.GetTagsAsync(arn, ct));
    }

    [Fact]
    public async Task Deleting_removes_the_record_and_its_tags()
    {
        var ct = TestContext.Current.CancellationToken;
        await _registry.TryInsertAsync(Record("schema", "x"), [new("a", "1")], ct);
        Assert.True(await _registry.DeleteAsync(Prefix + "schema/x", ct));
        Assert.Null(await _registry.GetAsync(Prefix + "schema/x", ct));
        Assert.Empty(await _registry.GetTagsAsync(Prefix + "schema/x", ct));
        Assert.False(await _registry.DeleteAsync(Prefix + "schema/x", ct));
    }

    [Fact]
    public void Status_changes_reach_the_describe_body()
    {
        var record = Record("dataset", "s") with { Body = """{"status":"CREATE PENDING","name":"s"}""" };
        var failed = record.WithStatus(ResourceStatus.CreateFailed, 12.5, "bad row");
        Assert.Equal(ResourceStatus.CreateFailed, failed.Status);
        var body = failed.ParseBody();
        Assert.Equal("CREATE FAILED", body["status"]!.GetValue<string>());
        Assert.Equal("bad row", body["failureReason"]!.GetValue<string>());
        Assert.Equal(12.5, body["lastUpdatedDateTime"]!.GetValue<double>());
        Assert.False(failed.WithStatus(ResourceStatus.Active, 13).ParseBody().ContainsKey("failureReason"));
    }

    [Fact]
    public async Task A_body_member_is_patched_in_place_keeping_the_other_members_and_their_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = Record("dataset-import-job", "j") with { Body = """{"jobName":"j","status":"CREATE IN_PROGRESS","rowsImported":0}""" };
        await _registry.TryInsertAsync(record, [], ct);
        await _registry.UpdateAsync(record.WithStatus(ResourceStatus.Active, 5), ct);

        await _registry.SetBodyMemberAsync(record.Arn, "rowsImported", "42", 7.5, ct);
        await _registry.SetBodyMemberAsync(Prefix + "dataset-import-job/missing", "rowsImported", "1", 8, ct);

        var stored = (await _registry.GetAsync(record.Arn, ct))!;
        Assert.Equal("""{"jobName":"j","status":"ACTIVE","rowsImported":42,"lastUpdatedDateTime":7.5}""", stored.Body);
        Assert.Equal(ResourceStatus.Active, stored.Status);
        Assert.Equal(7.5, stored.UpdatedAt);
        Assert.Null(await _registry.GetAsync(Prefix + "dataset-import-job/missing", ct));
    }

    [Fact]
    public async Task Updates_replace_the_record_and_report_a_missing_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var record = Record("solution", "s", parent: "g");
        await _registry.TryInsertAsync(record, [], ct);

        Assert.True(await _registry.UpdateAsync(record with { Status = ResourceStatus.CreateFailed, ParentArn = null, Body = """{"b":1}""" }, ct));
        Assert.False(await _registry.UpdateAsync(Record("solution", "other"), ct));

        var stored = (await _registry.GetAsync(record.Arn, ct))!;
        Assert.Equal((ResourceStatus.CreateFailed, (string?)null, """{"b":1}"""), (stored.Status, stored.ParentArn, stored.Body));
        Assert.Empty(await _registry.ListChildrenAsync("g", ["solution"], ct));
    }

    protected static ResourceRecord Record(string kind, string name, string? parent = null) =>
        new(Prefix + kind + "/" + name, kind, name, parent, ResourceStatus.Active, 1, 1, "{}");
}
