namespace Attune.Storage;

/// <summary>Where this process keeps its files: the data directory (imports read through <see cref="Objects.ImportSources"/>).</summary>
public sealed record StorageLocations(string DataDirectory);
