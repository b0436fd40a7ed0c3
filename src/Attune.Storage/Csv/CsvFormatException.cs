namespace Attune.Storage.Csv;

/// <summary>The CSV text is malformed at <see cref="LineNumber"/> (1-based).</summary>
internal sealed class CsvFormatException(long lineNumber, string message) : Exception(message)
{
    public long LineNumber { get; } = lineNumber;
}
