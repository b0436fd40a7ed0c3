namespace Attune.Storage.Schemas;

/// <summary>A schema is not acceptable; <see cref="Exception.Message"/> is the reason, naming the field.</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
    {
    }

    public SchemaValidationException(string message)
        : base(message)
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
