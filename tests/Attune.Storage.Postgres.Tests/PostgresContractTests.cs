using Attune.Storage.Tests.Contracts;

namespace Attune.Storage.Postgres.Tests;

public sealed class PostgresImportModeTests(PostgresDatabase database)
    : ImportModeContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;

public sealed class PostgresImportFailureTests(PostgresDatabase database)
    : ImportFailureContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;

public sealed class PostgresEventColumnsTests(PostgresDatabase database)
    : EventColumnsContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;

public sealed class PostgresMovieLensImportTests(PostgresDatabase database)
    : MovieLensImportContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;

public sealed class PostgresEventLogTests(PostgresDatabase database)
    : EventLogContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;

public sealed class PostgresExportAndDeletionTests(PostgresDatabase database)
    : ExportAndDeletionContract(new PostgresBackend(database)), IClassFixture<PostgresDatabase>;
