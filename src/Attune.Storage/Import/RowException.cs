namespace Attune.Storage.Import;

/// <summary>A value of the current row is invalid; the importer adds file and line.</summary>
internal sealed class RowException(string message) : Exception(message);
