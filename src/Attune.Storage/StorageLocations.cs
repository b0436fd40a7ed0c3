namespace Attune.Storage;

/// <summary>Where this process keeps its files: the data directory (s3:// and file:// go through <see cref="Objects.IObjectStore"/>).</summary>
public sealed record StorageLocations(string DataDirectory);
