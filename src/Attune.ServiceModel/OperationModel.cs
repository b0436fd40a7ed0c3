namespace Attune.ServiceModel;

/// <summary>One operation of a service model: its HTTP binding, input/output shape names and declared errors.</summary>
public sealed class OperationModel
{
    internal OperationModel(string name, string httpMethod, string requestUri, Shape? input, string? outputShape, IReadOnlyList<string> errors)
    {
        Name = name;
        HttpMethod = httpMethod;
        RequestUri = requestUri;
        Input = input;
        OutputShape = outputShape;
        Errors = errors;
    }

    public string Name { get; }

    public string HttpMethod { get; }

    public string RequestUri { get; }

    public string? InputShape => Input?.Name;

    public string? OutputShape { get; }

    /// <summary>Names of the error shapes the operation may return.</summary>
    public IReadOnlyList<string> Errors { get; }

    internal Shape? Input { get; }
}
