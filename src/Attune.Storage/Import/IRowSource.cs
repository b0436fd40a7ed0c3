namespace Attune.Storage.Import;

/// <summary>The raw text values of one input row, by column position.</summary>
internal interface IRowSource
{
    ReadOnlySpan<char> Field(int index);
}
