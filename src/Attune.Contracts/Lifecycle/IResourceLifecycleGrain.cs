using Orleans.Concurrency;

namespace Attune.Contracts.Lifecycle;

/// <summary>
/// Drives one registry resource (keyed by its ARN) through Personalize's status chain:
/// CREATE PENDING → CREATE IN_PROGRESS → ACTIVE, and DELETE PENDING → removed (with its data).
/// The front door calls it after it has durably recorded the request; recovery calls it again after a
/// restart for every resource left in a transient status, so each step is idempotent.
/// </summary>
[Alias("attune.IResourceLifecycleGrain")]
public interface IResourceLifecycleGrain : IGrainWithStringKey
{
    [Alias("Advance"), OneWay]
    Task AdvanceAsync();
}
