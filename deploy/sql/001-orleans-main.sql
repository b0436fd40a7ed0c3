-- Attune's PostgreSQL schema for Orleans, part 1: the query table every ADO.NET provider reads at startup.
-- Every script in this folder is idempotent: Attune applies all of them, in file-name order, each time a silo
-- starts (under an advisory lock), and an operator may run them by hand with psql as often as needed:
--   for f in deploy/sql/*.sql; do psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f "$f"; done
-- Names stay unquoted so PostgreSQL folds them to lower case, as the providers' unquoted SQL does.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
