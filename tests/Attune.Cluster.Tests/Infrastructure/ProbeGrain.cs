using System.Collections.Concurrent;

namespace Attune.Cluster.Tests.Infrastructure;

/// <summary>A grain of the tests' own, hosted by in-process silos: says where it runs and registers a reminder.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<string> SiloAsync();

    Task RemindAsync(string reminder, TimeSpan dueTime, TimeSpan period);

    Task ForgetAsync(string reminder);
}

/// <summary>State written straight through the storage provider by the ETag test.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public int Value { get; set; }
}

public sealed class ProbeGrain(ILocalSiloDetails silo) : Grain, IProbeGrain, IRemindable
{
    /// <summary>Completed with the silo's name when a reminder of that name first fires.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource<string>> Fired { get; } = new(StringComparer.Ordinal);

    public Task<string> SiloAsync() => Task.FromResult(silo.Name);

    public Task RemindAsync(string reminder, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminder, dueTime, period);

    public async Task ForgetAsync(string reminder)
    {
        var registered = await this.GetReminder(reminder);
        if (registered is not null)
        {
            await this.UnregisterReminder(registered);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.GetOrAdd(reminderName, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(silo.Name);
        return Task.CompletedTask;
    }
}
