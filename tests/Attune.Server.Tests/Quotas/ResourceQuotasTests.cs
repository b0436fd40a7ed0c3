using Attune.Grains.Tests;
using Attune.Server.Hosting;
using Attune.Server.Quotas;
using Attune.Server.Wire;
using Attune.Storage.Resources;
using Microsoft.Extensions.Options;

namespace Attune.Server.Tests.Quotas;

/// <summary>The resource-count quotas against a real (SQLite) resource registry.</summary>
public sealed class ResourceQuotasTests : IDisposable
{
    private const string Mine = "111111111111";
    private const string Theirs = "222222222222";
    private readonly TempFolder _folder = new();
    private readonly SqliteResourceRegistry _registry;

    public ResourceQuotasTests() => _registry = new SqliteResourceRegistry(Path.Combine(_folder.Path, "catalog.db"));

    [Fact]
    public async Task Account_quotas_count_only_the_callers_resources()
    {
        var quotas = Quotas(new QuotaLimits { DatasetGroups = 2 });
        await AddAsync(Context(Theirs), ResourceKinds.DatasetGroup, "a", null);
        await AddAsync(Context(Theirs), ResourceKinds.DatasetGroup, "b", null);
        await AddAsync(Context(Mine), ResourceKinds.DatasetGroup, "c", null);

        await quotas.RequireRoomAsync(ResourceKinds.DatasetGroup, null, Context(Mine));
        await AddAsync(Context(Mine), ResourceKinds.DatasetGroup, "d", null);
        var error = await Assert.ThrowsAsync<ApiException>(() => quotas.RequireRoomAsync(ResourceKinds.DatasetGroup, null, Context(Mine)));

        Assert.Equal("LimitExceededException", error.ErrorCode);
        Assert.Null(error.HttpStatus); // modeled: the service model gives its status
        Assert.Contains("the limit DatasetGroups is 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_quotas_count_the_groups_children_and_campaigns_through_its_solutions()
    {
        var quotas = Quotas(new QuotaLimits { FiltersPerDatasetGroup = 1, CampaignsPerDatasetGroup = 2 });
        var context = Context(Mine);
        var group = await AddAsync(context, ResourceKinds.DatasetGroup, "g", null);
        var other = await AddAsync(context, ResourceKinds.DatasetGroup, "h", null);
        await AddAsync(context, ResourceKinds.Filter, "f1", other);
        await quotas.RequireRoomAsync(ResourceKinds.Filter, group, context);
        await AddAsync(context, ResourceKinds.Filter, "f2", group);

        var filters = await Assert.ThrowsAsync<ApiException>(() => quotas.RequireRoomAsync(ResourceKinds.Filter, group, context));
        Assert.Contains($"The dataset group {group} already has 1 filters: the limit FiltersPerDatasetGroup is 1", filters.Message, StringComparison.Ordinal);

        var first = await AddAsync(context, ResourceKinds.Solution, "s1", group);
        var second = await AddAsync(context, ResourceKinds.Solution, "s2", group);
        await AddAsync(context, ResourceKinds.Campaign, "c1", first);
        await quotas.RequireRoomAsync(ResourceKinds.Campaign, second, context);
        await AddAsync(context, ResourceKinds.Campaign, "c2", second);
        var campaigns = await Assert.ThrowsAsync<ApiException>(() => quotas.RequireRoomAsync(ResourceKinds.Campaign, first, context));
        Assert.Contains("CampaignsPerDatasetGroup is 2", campaigns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommenders_count_per_dataset_group()
    {
        var quotas = Quotas(new QuotaLimits { RecommendersPerDatasetGroup = 1 });
        var context = Context(Mine);
        var group = await AddAsync(context, ResourceKinds.DatasetGroup, "g", null);
        await quotas.RequireRoomAsync(ResourceKinds.Recommender, group, context);
        await AddAsync(context, ResourceKinds.Recommender, "r1", group);

        var error = await Assert.ThrowsAsync<ApiException>(() => quotas.RequireRoomAsync(ResourceKinds.Recommender, group, context));

        Assert.Contains("already has 1 recommenders: the limit RecommendersPerDatasetGroup is 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_is_unlimited_and_an_account_override_wins()
    {
        var options = new AttuneOptions
        {
            Quotas = new QuotaOptions
            {
                Defaults = new QuotaLimits { Schemas = 1 },
                Accounts = { [Mine] = new QuotaLimits { Schemas = 0 } },
            },
        };
        var quotas = new ResourceQuotas(_registry, new QuotaTable(Options.Create(options)));
        await AddAsync(Context(Mine), ResourceKinds.Schema, "s1", null);
        await AddAsync(Context(Theirs), ResourceKinds.Schema, "s2", null);

        await quotas.RequireRoomAsync(ResourceKinds.Schema, null, Context(Mine));
        await Assert.ThrowsAsync<ApiException>(() => quotas.RequireRoomAsync(ResourceKinds.Schema, null, Context(Theirs)));
    }

    private ResourceQuotas Quotas(QuotaLimits defaults) =>
        new(_registry, new QuotaTable(Options.Create(new AttuneOptions { Quotas = new QuotaOptions { Defaults = defaults } })));

    private static CallContext Context(string account) => new("us-east-1", account, 1_700_000_000, CancellationToken.None);

    private async Task<string> AddAsync(CallContext context, string kind, string name, string? parent)
    {
        var arn = context.Arn(kind, name);
        Assert.True(await _registry.TryInsertAsync(new ResourceRecord(arn, kind, name, parent, ResourceStatus.Active, 1, 1, "{}"), []));
        return arn;
    }

    public void Dispose()
    {
        _registry.Dispose();
        _folder.Dispose();
    }
}
