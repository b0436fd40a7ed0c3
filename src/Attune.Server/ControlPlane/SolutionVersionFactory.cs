using System.Security.Cryptography;
using Attune.Contracts.Resources;
using Attune.Server.Wire;
using Attune.Storage.Resources;

namespace Attune.Server.ControlPlane;

/// <summary>Creates solution versions, for CreateSolutionVersion (MANUAL) and automatic training (AUTOMATIC) alike.</summary>
public sealed class SolutionVersionFactory(Resources resources)
{
    /// <summary>Stores the version in CREATE PENDING and starts its training; returns its ARN.</summary>
    public async Task<string> CreateAsync(
        ResourceRecord solution, string trainingMode, string trainingType, string? name,
        IReadOnlyList<KeyValuePair<string, string>> tags, CallContext context)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var arn = $"{solution.Arn}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var version = SolutionVersionRecord.From(DescribeBody.Read<SolutionRecord>(solution.Body), arn, name, trainingMode, trainingType);
        await resources.CreateAsync(ResourceKinds.SolutionVersion, arn, name ?? solution.Name, solution.Arn, DescribeBody.Write(version), tags, context);
        return arn;
    }
}
