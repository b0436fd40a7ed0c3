using Attune.Storage.Resources;

namespace Attune.Grains.Lifecycle;

/// <summary>
/// Makes a resource ready before it turns ACTIVE (a campaign loads and deploys its model), both on create and
/// when an update (its latest…Update member) is pending. One handler per kind; throwing
/// <see cref="ActivationFailedException"/> ends the create or update CREATE FAILED with that reason.
/// </summary>
public interface IResourceActivationHandler
{
    string Kind { get; }

    /// <summary>Prepares <paramref name="record"/> as it will be once ACTIVE (for an update: with the update applied).</summary>
    Task ActivateAsync(ResourceRecord record, CancellationToken cancellationToken);
}

/// <summary>Why a resource could not become ACTIVE; the message becomes its failureReason.</summary>
public sealed class ActivationFailedException : Exception
{
    public ActivationFailedException()
    {
    }

    public ActivationFailedException(string message)
        : base(message)
    {
    }

    public ActivationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
