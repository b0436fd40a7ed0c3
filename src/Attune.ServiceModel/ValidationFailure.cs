namespace Attune.ServiceModel;

/// <summary>An AWS-style client error: <paramref name="ErrorCode"/> becomes the __type / x-amzn-ErrorType, <paramref name="Message"/> the message.</summary>
public sealed record ValidationFailure(string ErrorCode, string Message);
