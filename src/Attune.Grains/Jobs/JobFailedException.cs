namespace Attune.Grains.Jobs;

/// <summary>A job (export, deletion) cannot go on; the message is its failureReason.</summary>
public sealed class JobFailedException(string message) : Exception(message);
