using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Attune.Server.Wire;
using Attune.Storage.Catalog;

namespace Attune.Server.ControlPlane;

/// <summary>Creates solution versions, for CreateSolutionVersion (MANUAL) and automatic training (AUTOMATIC) alike.</summary>
public sealed class SolutionVersionFactory(Resources resources)
{
    private static readonly string[] CopiedFromSolution =
        ["solutionArn", "performHPO", "performAutoML", "performIncrementalUpdate", "recipeArn", "eventType", "datasetGroupArn", "solutionConfig"];

    /// <summary>Stores the version in CREATE PENDING and starts its training; returns its ARN.</summary>
    public async Task<string> CreateAsync(
        ResourceRecord solution, string trainingMode, string trainingType, string? name,
        IReadOnlyList<KeyValuePair<string, string>> tags, CallContext context)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var solutionBody = solution.ParseBody();
        var arn = $"{solution.Arn}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var body = new JsonObject { ["solutionVersionArn"] = arn };
        foreach (var member in CopiedFromSolution)
        {
            body.AddIfPresent(member, solutionBody[member]?.DeepClone());
        }
        body.AddIfPresent("name", name);
        body["trainingMode"] = trainingMode;
        body["trainingType"] = trainingType;
        body["trainingProgress"] = new JsonObject { ["percent"] = 0, ["stage"] = "queued" };
        await resources.CreateAsync(ResourceKinds.SolutionVersion, arn, name ?? solution.Name, solution.Arn, body, tags, context);
        return arn;
    }
}
