namespace Attune.Storage.Objects;

/// <summary>An s3:// or file:// location is malformed, outside the object root, or holds no files.</summary>
public sealed class ObjectLocationException : Exception
{
    public ObjectLocationException()
    {
    }

    public ObjectLocationException(string message)
        : base(message)
    {
    }

    public ObjectLocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
