using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Wire;

namespace Attune.Server.ControlPlane;

/// <summary>DescribeAlgorithm and DescribeFeatureTransformation over <see cref="AlgorithmCatalog"/>.</summary>
public sealed class AlgorithmOperations : IOperationFamily
{
    public void Register(OperationHandlers registry)
    {
        registry.Add("DescribeAlgorithm", DescribeAlgorithmAsync);
        registry.Add("DescribeFeatureTransformation", DescribeFeatureTransformationAsync);
    }

    private static Task<JsonObject?> DescribeAlgorithmAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("algorithmArn");
        var algorithm = AlgorithmCatalog.DescribeAlgorithm(arn, context.AccountId) ?? throw ApiErrors.NotFound(arn);
        return Task.FromResult<JsonObject?>(new JsonObject { ["algorithm"] = algorithm });
    }

    private static Task<JsonObject?> DescribeFeatureTransformationAsync(JsonElement input, CallContext context)
    {
        var arn = input.RequiredString("featureTransformationArn");
        var transformation = AlgorithmCatalog.DescribeFeatureTransformation(arn) ?? throw ApiErrors.NotFound(arn);
        return Task.FromResult<JsonObject?>(new JsonObject { ["featureTransformation"] = transformation });
    }
}
