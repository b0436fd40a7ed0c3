-- Attune's dataset stores. Each dataset group's data lives in its own schema, attune_g_<sha256(arn)[0:16]>, created on
-- first use by the application (its tables follow the group's dataset schemas: one table per committed bulk import of
-- an event dataset, one per entity dataset, id dictionaries and the import ledger). This script holds what they share.
-- Idempotent: applied at every start by Attune's migration runner, or by hand with psql.
CREATE TABLE IF NOT EXISTS attune_dataset_groups (
    arn text PRIMARY KEY,
    schema_name text NOT NULL UNIQUE);

-- Import batch numbers are unique across groups so that a batch's advisory lock (held by its importing session) names it alone.
CREATE SEQUENCE IF NOT EXISTS attune_import_batches;

-- Avro float columns: stored as double precision (like SQLite's REAL) but told apart from Avro double when read back.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'attune_float' AND typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())) THEN
        CREATE DOMAIN attune_float AS double precision;
    END IF;
END
$$;
