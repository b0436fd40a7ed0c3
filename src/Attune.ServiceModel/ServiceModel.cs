using System.Diagnostics.CodeAnalysis;

namespace Attune.ServiceModel;

/// <summary>
/// An AWS service model (operations, shapes, constraints) extracted from botocore by
/// tools/extract-service-model.py and embedded in this assembly.
/// </summary>
public sealed class ServiceModel
{
    private const int DefaultErrorStatus = 400;

    private static readonly Lazy<ServiceModel> LazyPersonalize = new(() => ServiceModelLoader.LoadEmbedded("personalize"));
    private static readonly Lazy<ServiceModel> LazyPersonalizeRuntime = new(() => ServiceModelLoader.LoadEmbedded("personalize-runtime"));
    private static readonly Lazy<ServiceModel> LazyPersonalizeEvents = new(() => ServiceModelLoader.LoadEmbedded("personalize-events"));

    private readonly Dictionary<string, OperationModel> _operations;
    private readonly Dictionary<string, Shape> _shapes;
    private readonly (OperationModel Operation, string[] Segments)[] _httpRoutes;

    internal ServiceModel(string name, string protocol, string? targetPrefix, IReadOnlyList<OperationModel> operations, Dictionary<string, Shape> shapes)
    {
        Name = name;
        Protocol = protocol;
        TargetPrefix = targetPrefix;
        Operations = operations;
        _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _shapes = shapes;
        _httpRoutes = [.. operations.Select(o => (o, SplitPath(o.RequestUri.Split('?')[0])))];
    }

    /// <summary>The control plane (protocol json, dispatched by X-Amz-Target).</summary>
    public static ServiceModel Personalize => LazyPersonalize.Value;

    /// <summary>GetRecommendations / GetPersonalizedRanking / GetActionRecommendations (protocol rest-json).</summary>
    public static ServiceModel PersonalizeRuntime => LazyPersonalizeRuntime.Value;

    /// <summary>PutEvents / PutUsers / PutItems / PutActions / PutActionInteractions (protocol rest-json).</summary>
    public static ServiceModel PersonalizeEvents => LazyPersonalizeEvents.Value;

    /// <summary>The botocore service name, e.g. "personalize-runtime".</summary>
    public string Name { get; }

    /// <summary>"json" or "rest-json".</summary>
    public string Protocol { get; }

    /// <summary>The X-Amz-Target prefix for json-protocol services, e.g. "AmazonPersonalize"; null for rest-json.</summary>
    public string? TargetPrefix { get; }

    public IReadOnlyList<OperationModel> Operations { get; }

    public bool TryGetOperation(string name, [MaybeNullWhen(false)] out OperationModel operation) =>
        _operations.TryGetValue(name, out operation);

    /// <summary>Resolves an X-Amz-Target header value such as "AmazonPersonalize.CreateDatasetGroup".</summary>
    public bool TryGetOperationByTarget(string amzTarget, [MaybeNullWhen(false)] out OperationModel operation)
    {
        operation = null;
        var dot = amzTarget.LastIndexOf('.');
        return TargetPrefix is not null
            && dot == TargetPrefix.Length
            && amzTarget.StartsWith(TargetPrefix, StringComparison.Ordinal)
            && _operations.TryGetValue(amzTarget[(dot + 1)..], out operation);
    }

    /// <summary>Matches a rest-json request to the operation whose requestUri template fits; json-protocol services never match (use the target).</summary>
    public bool TryFindHttpOperation(string method, string path, [MaybeNullWhen(false)] out OperationModel operation)
    {
        operation = null;
        if (Protocol != "rest-json")
        {
            return false;
        }

        var segments = SplitPath(path);
        foreach (var (candidate, template) in _httpRoutes)
        {
            if (string.Equals(candidate.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && Matches(template, segments))
            {
                operation = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The HTTP status the model gives an error shape, else 400 (the json protocol's default for client errors).</summary>
    public int ErrorHttpStatus(string errorShapeName) =>
        _shapes.TryGetValue(errorShapeName, out var shape) && shape.HttpStatusCode is { } status ? status : DefaultErrorStatus;

    private static string[] SplitPath(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool Matches(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var isLabel = template[i].StartsWith('{') && template[i].EndsWith('}');
            if (!isLabel && !string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
