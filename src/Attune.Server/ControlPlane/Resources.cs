using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Contracts.Batch;
using Attune.Contracts.Imports;
using Attune.Contracts.Jobs;
using Attune.Contracts.Lifecycle;
using Attune.Contracts.Training;
using Attune.Server.Quotas;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>
/// The registry operations every resource family shares: create with tags, describe, list with paging,
/// start a delete. Status changes after the response are the lifecycle grain's job.
/// </summary>
public sealed class Resources(IResourceRegistry registry, IGrainFactory grains, ResourceQuotas quotas)
{
    public IResourceRegistry Registry => registry;

    /// <summary>The resource, or ResourceNotFoundException when it is absent, of another kind or of another account.</summary>
    public async Task<ResourceRecord> GetAsync(string arn, string kind, CallContext context)
    {
        if (ArnAccountGuard.AccountOf(arn) is { Length: > 0 } owner && owner != context.AccountId)
        {
            throw ApiErrors.NotFound(arn);
        }

        var record = await registry.GetAsync(arn, context.Aborted);
        return record is not null && record.Kind == kind ? record : throw ApiErrors.NotFound(arn);
    }

    /// <summary>Like <see cref="GetAsync"/> but also requires the ACTIVE status that using a resource needs.</summary>
    public async Task<ResourceRecord> GetActiveAsync(string arn, string kind, CallContext context)
    {
        var record = await GetAsync(arn, kind, context);
        return record.Status == ResourceStatus.Active
            ? record
            : throw ApiErrors.InUse($"The {kind} {arn} is {record.Status}; it must be ACTIVE.");
    }

    /// <summary>
    /// Stores a new resource in CREATE PENDING (or <paramref name="pendingStatus"/>: a deletion job's PENDING; its body gets status and timestamps) and starts its
    /// lifecycle; LimitExceededException when the caller's quota for the kind is used up,
    /// ResourceAlreadyExistsException when the ARN is taken.
    /// </summary>
    public async Task CreateAsync(
        string kind, string arn, string name, string? parentArn, JsonObject body,
        IReadOnlyList<KeyValuePair<string, string>> tags, CallContext context, bool hasStatus = true,
        string pendingStatus = ResourceStatus.CreatePending)
    {
        await quotas.RequireRoomAsync(kind, parentArn, context);
        var status = hasStatus ? pendingStatus : ResourceStatus.Active;
        if (hasStatus)
        {
            body["status"] = status;
        }
        body["creationDateTime"] = context.Now;
        body["lastUpdatedDateTime"] = context.Now;
        var record = new ResourceRecord(arn, kind, name, parentArn, status, context.Now, context.Now, body.ToJsonString());
        if (!await registry.TryInsertAsync(record, tags, context.Aborted))
        {
            throw ApiErrors.AlreadyExists(arn);
        }
        if (hasStatus)
        {
            await AdvanceAsync(kind, arn);
        }
    }

    /// <summary>Marks the resource DELETE PENDING; the lifecycle grain removes it and what it owns.</summary>
    public async Task DeleteAsync(ResourceRecord record, CallContext context)
    {
        if (record.Status is ResourceStatus.DeletePending or ResourceStatus.DeleteInProgress)
        {
            return;
        }
        await registry.UpdateAsync(record.WithStatus(ResourceStatus.DeletePending, context.Now), context.Aborted);
        await AdvanceAsync(record.Kind, record.Arn);
    }

    /// <summary>Hands the resource to the grain that moves it on: its job grain for jobs, the lifecycle grain otherwise.</summary>
    public Task AdvanceAsync(string kind, string arn) => kind switch
    {
        ResourceKinds.DatasetImportJob => grains.GetGrain<IDatasetImportJobGrain>(arn).StartAsync(),
        ResourceKinds.SolutionVersion => grains.GetGrain<ISolutionVersionGrain>(arn).StartAsync(),
        ResourceKinds.DatasetExportJob => grains.GetGrain<IDatasetExportJobGrain>(arn).StartAsync(),
        ResourceKinds.DataDeletionJob => grains.GetGrain<IDataDeletionJobGrain>(arn).StartAsync(),
        ResourceKinds.BatchInferenceJob => grains.GetGrain<IBatchInferenceJobGrain>(arn).StartAsync(),
        ResourceKinds.BatchSegmentJob => grains.GetGrain<IBatchSegmentJobGrain>(arn).StartAsync(),
        _ => grains.GetGrain<IResourceLifecycleGrain>(arn).AdvanceAsync(),
    };

    /// <summary>
    /// A List* response: <paramref name="resultKey"/> holds the summaries (the named members of each body),
    /// plus nextToken while more remain. Records <paramref name="include"/> rejects are left out (a page may then be
    /// shorter than maxResults, as Personalize's pages may be).
    /// </summary>
    public async Task<JsonObject> ListAsync(
        string kind, string resultKey, string? parentArn, JsonElement input, CallContext context,
        IReadOnlyList<string> summaryMembers, bool newestFirst = false, Func<ResourceRecord, bool>? include = null)
    {
        var listing = $"{kind}|{context.ArnPrefix}|{parentArn}";
        var after = PageToken.Decode(input.OptionalString("nextToken"), listing);
        var maxResults = input.OptionalInt("maxResults") ?? 100;
        var page = newestFirst
            ? await registry.ListNewestFirstAsync(kind, context.ArnPrefix, parentArn, after, maxResults, context.Aborted)
            : await registry.ListAsync(kind, context.ArnPrefix, parentArn, after, maxResults, context.Aborted);
        var items = new JsonArray();
        foreach (var record in page.Items.Where(include ?? (_ => true)))
        {
            items.Add(Summary(record.ParseBody(), summaryMembers));
        }
        var output = new JsonObject { [resultKey] = items };
        if (page.NextSequence is { } next)
        {
            output["nextToken"] = PageToken.Encode(listing, next);
        }
        return output;
    }

    /// <summary>
    /// A List* response scoped by an optional parent ARN member (datasetGroupArn, solutionArn, ...): the parent
    /// must exist when given (ResourceNotFoundException), and only its children are listed.
    /// </summary>
    public async Task<JsonObject?> ListScopedAsync(
        string kind, string resultKey, string scopeMember, string scopeKind, JsonElement input, CallContext context,
        IReadOnlyList<string> summaryMembers, bool newestFirst = false, Func<ResourceRecord, bool>? include = null)
    {
        var scope = input.OptionalString(scopeMember);
        if (scope is not null)
        {
            await GetAsync(scope, scopeKind, context);
        }
        return await ListAsync(kind, resultKey, scope, input, context, summaryMembers, newestFirst, include);
    }

    private static JsonObject Summary(JsonObject body, IReadOnlyList<string> members)
    {
        var summary = new JsonObject();
        foreach (var member in members)
        {
            if (body[member] is { } value)
            {
                summary[member] = value.DeepClone();
            }
        }
        return summary;
    }
}
