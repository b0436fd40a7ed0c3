namespace Attune.Recipes.Training;

/// <summary>The data cannot train a model; <see cref="Exception.Message"/> is the solution version's failureReason.</summary>
public sealed class InsufficientDataException : Exception
{
    public InsufficientDataException(string message)
        : base(message)
    {
    }

    public InsufficientDataException()
    {
    }

    public InsufficientDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
