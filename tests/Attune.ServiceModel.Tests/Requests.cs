using System.Text;

namespace Attune.ServiceModel.Tests;

/// <summary>Runs the real validator on a JSON body and asserts the outcome.</summary>
internal static class Requests
{
    public static void Passes(ServiceModel model, string operation, string json)
    {
        using var result = Validate(model, operation, json);
        Assert.True(result.IsValid, result.Failure?.Message);
    }

    public static string Fails(ServiceModel model, string operation, string json)
    {
        using var result = Validate(model, operation, json);
        Assert.False(result.IsValid, $"{operation} accepted {json}");
        Assert.Equal("InvalidInputException", result.Failure.ErrorCode);
        return result.Failure.Message;
    }

    public static ValidationResult Validate(ServiceModel model, string operation, string json)
    {
        Assert.True(model.TryGetOperation(operation, out var op), operation);
        return RequestValidator.Validate(model, op, Encoding.UTF8.GetBytes(json));
    }
}
