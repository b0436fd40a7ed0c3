namespace Attune.Storage.Import;

/// <summary>The input was rejected; <see cref="Exception.Message"/> is the job's <c>failureReason</c>. Nothing was imported.</summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException()
    {
    }

    public ImportFailedException(string message)
        : base(message)
    {
    }

    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
