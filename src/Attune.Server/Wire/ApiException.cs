namespace Attune.Server.Wire;

/// <summary>
/// A Personalize error to send back: <see cref="ErrorCode"/> is the modeled shape name
/// (InvalidInputException, ResourceNotFoundException, ...) and the message says what was wrong.
/// <see cref="HttpStatus"/> is set only for errors the service models do not list (the common AWS errors such as
/// InvalidSignatureException, 403); modeled errors take their status from the model.
/// </summary>
public sealed class ApiException(string errorCode, string message, int? httpStatus = null) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public int? HttpStatus { get; } = httpStatus;
}
