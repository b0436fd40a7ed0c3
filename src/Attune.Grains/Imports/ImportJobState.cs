namespace Attune.Grains.Imports;

/// <summary>What an import job grain remembers across restarts: how often it has been started.</summary>
[GenerateSerializer, Alias("attune.ImportJobState")]
public sealed class ImportJobState
{
    [Id(0)]
    public int Attempts { get; set; }
}
