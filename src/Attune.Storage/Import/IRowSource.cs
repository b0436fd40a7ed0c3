namespace Attune.Storage.Import;

/// <summary>The raw text values of one input row, by column position.</summary>
public interface IRowSource
{
    ReadOnlySpan<char> Field(int index);
}
