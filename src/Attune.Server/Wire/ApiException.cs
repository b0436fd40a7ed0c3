namespace Attune.Server.Wire;

/// <summary>
/// A Personalize error to send back: <see cref="ErrorCode"/> is the modeled shape name
/// (InvalidInputException, ResourceNotFoundException, ...) and the message says what was wrong.
/// </summary>
public sealed class ApiException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
