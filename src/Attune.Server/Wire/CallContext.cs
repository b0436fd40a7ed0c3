namespace Attune.Server.Wire;

/// <summary>What an operation knows about its caller: the region and account that scope its ARNs.</summary>
public sealed record CallContext(string Region, string AccountId, double Now, CancellationToken Aborted)
{
    /// <summary>arn:aws:personalize:&lt;region&gt;:&lt;account&gt;:&lt;kind&gt;/&lt;path&gt;</summary>
    public string Arn(string kind, string path) => $"{ArnPrefix}{kind}/{path}";

    /// <summary>The prefix shared by every ARN of this region and account.</summary>
    public string ArnPrefix => $"arn:aws:personalize:{Region}:{AccountId}:";
}
