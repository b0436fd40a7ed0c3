using System.Text.Json.Nodes;
using Attune.Contracts.Lifecycle;
using Attune.Storage.Resources;
using Microsoft.Extensions.Logging;

namespace Attune.Grains.Lifecycle;

/// <inheritdoc cref="IResourceLifecycleGrain"/>
public sealed partial class ResourceLifecycleGrain(
    IResourceRegistry registry,
    IEnumerable<IResourceActivationHandler> activationHandlers,
    IEnumerable<IResourceDeletionHandler> deletionHandlers,
    IEnumerable<IResourceStopHandler> stopHandlers,
    TimeProvider clock,
    ILogger<ResourceLifecycleGrain> logger) : Grain, IResourceLifecycleGrain
{
    /// <summary>How long to wait before trying a failed step again; a resource must never stay transient.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Members of a latest…Update object that describe the update itself rather than the resource.</summary>
    private static readonly HashSet<string> UpdateBookkeeping =
        ["status", "failureReason", "creationDateTime", "lastUpdatedDateTime"];

    private IGrainTimer? _retry;

    public async Task AdvanceAsync()
    {
        _retry?.Dispose();
        _retry = null;
        var arn = this.GetPrimaryKeyString();
        try
        {
            await StepAsync(arn);
            DeactivateOnIdle();
        }
        catch (Exception error)
        {
            LogRetrying(logger, arn, RetryDelay, error);
            _retry = this.RegisterGrainTimer(
                AdvanceAsync, new GrainTimerCreationOptions(RetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private async Task StepAsync(string arn)
    {
        var record = await registry.GetAsync(arn);
        if (record is null)
        {
            return;
        }
        switch (record.Status)
        {
            case ResourceStatus.CreatePending:
                record = record.WithStatus(ResourceStatus.CreateInProgress, Now());
                await registry.UpdateAsync(record);
                await ActivateAsync(record);
                break;
            case ResourceStatus.CreateInProgress:
                await ActivateAsync(record);
                break;
            case ResourceStatus.UpdatePending:
            case ResourceStatus.UpdateInProgress:
                record = record.WithStatus(ResourceStatus.UpdateInProgress, Now());
                await registry.UpdateAsync(record);
                await RunActivationHandlersAsync(record);
                await registry.UpdateAsync(record.WithStatus(ResourceStatus.Active, Now()));
                break;
            case ResourceStatus.Active:
            case ResourceStatus.CreateFailed:
                await ApplyPendingUpdateAsync(record);
                break;
            case ResourceStatus.StopPending:
            case ResourceStatus.StopInProgress:
                record = record.WithStatus(ResourceStatus.StopInProgress, Now());
                await registry.UpdateAsync(record);
                foreach (var handler in stopHandlers.Where(h => h.Kind == record.Kind))
                {
                    await handler.StopAsync(arn, CancellationToken.None);
                }
                await registry.UpdateAsync(record.WithStatus(ResourceStatus.Inactive, Now()));
                break;
            case ResourceStatus.StartPending:
            case ResourceStatus.StartInProgress:
                record = record.WithStatus(ResourceStatus.StartInProgress, Now());
                await registry.UpdateAsync(record);
                await StartAsync(record);
                break;
            case ResourceStatus.DeletePending:
            case ResourceStatus.DeleteInProgress:
                await registry.UpdateAsync(record.WithStatus(ResourceStatus.DeleteInProgress, Now()));
                foreach (var handler in deletionHandlers.Where(h => h.Kind == record.Kind))
                {
                    await handler.DeleteOwnedDataAsync(arn, CancellationToken.None);
                }
                await registry.DeleteAsync(arn);
                LogDeleted(logger, record.Kind, arn);
                break;
        }
    }

    private async Task ActivateAsync(ResourceRecord record)
    {
        try
        {
            await RunActivationHandlersAsync(record);
            await registry.UpdateAsync(record.WithStatus(ResourceStatus.Active, Now()));
        }
        catch (ActivationFailedException error)
        {
            await registry.UpdateAsync(record.WithStatus(ResourceStatus.CreateFailed, Now(), error.Message));
        }
    }

    /// <summary>A started resource serves again once its activation handlers are done; if they fail it stays INACTIVE with the reason.</summary>
    private async Task StartAsync(ResourceRecord record)
    {
        try
        {
            await RunActivationHandlersAsync(record);
            await registry.UpdateAsync(record.WithStatus(ResourceStatus.Active, Now()));
        }
        catch (ActivationFailedException error)
        {
            await registry.UpdateAsync(record.WithStatus(ResourceStatus.Inactive, Now(), error.Message));
        }
    }

    /// <summary>
    /// An update recorded in a latest…Update member (UpdateCampaign) becomes current once its resource is ready
    /// for it; until then the resource keeps serving as it was. A failed update leaves the resource unchanged.
    /// </summary>
    private async Task ApplyPendingUpdateAsync(ResourceRecord record)
    {
        var body = record.ParseBody();
        var (member, update) = PendingUpdate(body);
        if (update is null)
        {
            return;
        }
        update["status"] = ResourceStatus.CreateInProgress;
        await registry.SetBodyMemberAsync(record.Arn, member!, update.ToJsonString(), Now());
        var applied = record.WithBody(Now(), b =>
        {
            foreach (var (name, value) in update.Where(p => !UpdateBookkeeping.Contains(p.Key)).ToList())
            {
                b[name] = value?.DeepClone();
            }
        });
        try
        {
            await RunActivationHandlersAsync(applied);
            update["status"] = ResourceStatus.Active;
            update["lastUpdatedDateTime"] = Now();
            // Conditional: a delete written while the handlers ran (DELETE PENDING) must not be overwritten by ACTIVE;
            // the delete's own advance comes next and removes the resource.
            await registry.UpdateIfStatusAsync(
                applied.WithStatus(ResourceStatus.Active, Now()).WithBody(Now(), b => b[member!] = update.DeepClone()), record.Status);
        }
        catch (ActivationFailedException error)
        {
            update["status"] = ResourceStatus.CreateFailed;
            update["failureReason"] = error.Message;
            update["lastUpdatedDateTime"] = Now();
            await registry.SetBodyMemberAsync(record.Arn, member!, update.ToJsonString(), Now());
        }
    }

    private async Task RunActivationHandlersAsync(ResourceRecord record)
    {
        foreach (var handler in activationHandlers.Where(h => h.Kind == record.Kind))
        {
            await handler.ActivateAsync(record, CancellationToken.None);
        }
    }

    private static (string? Member, JsonObject? Update) PendingUpdate(JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name.StartsWith("latest", StringComparison.Ordinal) && name.EndsWith("Update", StringComparison.Ordinal)
                && value is JsonObject update && update["status"]?.GetValue<string>() is { } status
                && ResourceStatus.IsTransient(status))
            {
                return (name, update);
            }
        }
        return (null, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Kind} {Arn}")]
    private static partial void LogDeleted(ILogger logger, string kind, string arn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Advancing {Arn} failed; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string arn, TimeSpan delay, Exception error);

    private double Now() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
