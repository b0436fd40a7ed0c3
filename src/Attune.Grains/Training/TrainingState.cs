namespace Attune.Grains.Training;

/// <summary>What a training grain remembers across restarts: how often it has been started.</summary>
[GenerateSerializer, Alias("attune.TrainingState")]
public sealed class TrainingState
{
    [Id(0)]
    public int Attempts { get; set; }
}
