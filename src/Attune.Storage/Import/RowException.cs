namespace Attune.Storage.Import;

/// <summary>A value of the current row is invalid; the importer adds file and line.</summary>
public sealed class RowException(string message) : Exception(message);
