namespace Attune.Server.Hosting;

/// <summary>
/// An S3-compatible service for s3:// locations (section "Attune:S3"); without an endpoint they map to the object root.
/// Credentials come from the standard AWS environment variables or profile, as for any AWS SDK.
/// </summary>
public sealed class S3Options
{
    /// <summary>The service URL, e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000; empty: the local object root.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing (http://host/bucket/key), which most S3-compatible stores need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
