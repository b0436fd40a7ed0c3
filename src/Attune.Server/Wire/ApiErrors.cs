namespace Attune.Server.Wire;

/// <summary>The errors operations raise, with Personalize's names and messages that say what was wrong.</summary>
public static class ApiErrors
{
    public static ApiException InvalidInput(string message) => new("InvalidInputException", message);

    public static ApiException NotFound(string arn) =>
        new("ResourceNotFoundException", $"Could not find resource with ARN {arn}.");

    public static ApiException AlreadyExists(string arn) =>
        new("ResourceAlreadyExistsException", $"Another resource with Arn {arn} already exists.");

    public static ApiException InUse(string message) => new("ResourceInUseException", message);

    public static ApiException LimitExceeded(string message) => new("LimitExceededException", message);

    public static ApiException InvalidNextToken() =>
        new("InvalidNextTokenException", "The nextToken is not valid for this request; pass the nextToken of the previous response unchanged.");

    public static ApiException TooManyTags(int max) =>
        new("TooManyTagsException", $"A resource can have at most {max} tags.");

    public static ApiException UnknownOperation(string target) =>
        new("UnknownOperationException", $"Unknown operation '{target}'. Operations are named by the X-Amz-Target header, e.g. AmazonPersonalize.ListDatasetGroups.");

    public static ApiException Unsupported(string operation) =>
        new("UnsupportedOperationException", $"Attune does not implement {operation} yet.");
}
