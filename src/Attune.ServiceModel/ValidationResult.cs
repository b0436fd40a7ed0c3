using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Attune.ServiceModel;

/// <summary>
/// Either the parsed request (so the server does not parse twice) or the failure to send back.
/// Dispose it when done with <see cref="Root"/>: it owns the pooled <see cref="JsonDocument"/>.
/// </summary>
public sealed class ValidationResult : IDisposable
{
    private ValidationResult(JsonDocument? document, ValidationFailure? failure)
    {
        Document = document;
        Failure = failure;
    }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Document is not null;

    public JsonDocument? Document { get; }

    /// <summary>The validated request object; only valid until this result is disposed.</summary>
    public JsonElement Root => Document?.RootElement ?? throw new InvalidOperationException($"The request failed validation: {Failure?.Message}");

    public ValidationFailure? Failure { get; }

    public void Dispose() => Document?.Dispose();

    internal static ValidationResult Valid(JsonDocument document) => new(document, null);

    internal static ValidationResult Invalid(string message) => new(null, new ValidationFailure(RequestValidator.InvalidInputErrorCode, message));
}
