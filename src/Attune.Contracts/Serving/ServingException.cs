namespace Attune.Contracts.Serving;

/// <summary>
/// A runtime request the serving path refuses, with Personalize's error name (InvalidInputException,
/// ResourceNotFoundException); the front door turns it into the wire error. Serializable, so it crosses the grain hop.
/// </summary>
[GenerateSerializer, Alias("attune.ServingException")]
public sealed class ServingException : Exception
{
    public ServingException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    [Id(0)]
    public string ErrorCode { get; private set; }

    public static ServingException InvalidInput(string message) => new("InvalidInputException", message);

    public static ServingException NotFound(string arn) => new("ResourceNotFoundException", $"Could not find resource with ARN {arn}.");
}
