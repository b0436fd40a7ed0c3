using System.Text.Json;

namespace Attune.ServiceModel;

/// <summary>
/// Validates a request body against the operation's input shape, the way AWS's front end does:
/// every problem becomes InvalidInputException with an AWS-worded "N validation errors detected" message.
/// </summary>
public static class RequestValidator
{
    public const string InvalidInputErrorCode = "InvalidInputException";

    /// <summary>Deeper than any Personalize shape nests; stops hostile nesting before it costs stack or memory.</summary>
    public const int MaxJsonDepth = 32;

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>An empty body counts as <c>{}</c>; members the model does not know are ignored.</summary>
    public static ValidationResult Validate(ServiceModel model, OperationModel operation, ReadOnlySpan<byte> body)
    {
        if (!model.TryGetOperation(operation.Name, out var own) || !ReferenceEquals(own, operation))
        {
            throw new ArgumentException($"Operation '{operation.Name}' does not belong to service model '{model.Name}'.", nameof(operation));
        }

        JsonDocument document;
        try
        {
            document = Parse(body.IsEmpty ? EmptyObject : body);
        }
        catch (JsonException exception)
        {
            return ValidationResult.Invalid($"The request body is not valid JSON: {exception.Message}");
        }

        string? errors;
        try
        {
            errors = document.RootElement.ValueKind != JsonValueKind.Object
                ? "The request body must be a JSON object."
                : operation.Input is null ? null : RequestWalker.Validate(operation.Input, document.RootElement);
        }
        catch
        {
            document.Dispose();
            throw;
        }

        if (errors is null)
        {
            return ValidationResult.Valid(document);
        }

        document.Dispose();
        return ValidationResult.Invalid(errors);
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
        var document = JsonDocument.ParseValue(ref reader);
        try
        {
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }
        }
        catch
        {
            document.Dispose();
            throw;
        }

        return document;
    }
}
