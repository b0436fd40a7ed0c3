using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Tests.Sqlite;

public sealed class SqliteImportModeTests() : ImportModeContract(new SqliteBackend());

public sealed class SqliteImportFailureTests() : ImportFailureContract(new SqliteBackend());

public sealed class SqliteEventColumnsTests() : EventColumnsContract(new SqliteBackend());

public sealed class SqliteMovieLensImportTests() : MovieLensImportContract(new SqliteBackend());

public sealed class SqliteEventLogTests() : EventLogContract(new SqliteBackend());

public sealed class SqliteExportAndDeletionTests() : ExportAndDeletionContract(new SqliteBackend());
