namespace Attune.Grains.Serving;

/// <summary>
/// A runtime request the serving path refuses, with Personalize's error name (InvalidInputException,
/// ResourceNotFoundException); the front door turns it into the wire error.
/// </summary>
public sealed class ServingException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static ServingException InvalidInput(string message) => new("InvalidInputException", message);

    public static ServingException NotFound(string arn) => new("ResourceNotFoundException", $"Could not find resource with ARN {arn}.");
}
