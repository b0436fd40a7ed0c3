namespace Attune.Storage;

/// <summary>Where this process keeps its files: the data directory and the folder s3:// URIs map to.</summary>
public sealed record StorageLocations(string DataDirectory, string ObjectRoot);
