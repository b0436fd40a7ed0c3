-- Attune's model artifacts: each model is written as a new generation of 1 MiB chunks, then made current in one
-- transaction that also deletes the previous generation, so readers see the old model or the new one, never a mix.
-- Idempotent: applied at every start by Attune's migration runner, or by hand with psql.
CREATE TABLE IF NOT EXISTS attune_models (
    arn text PRIMARY KEY,
    generation uuid NOT NULL,
    length bigint NOT NULL);

-- Generations being written, each under its writer's session advisory lock; a row whose lock is free was left behind by a
-- crashed writer, and the next write of any model (or a delete of that ARN) removes it and its chunks.
CREATE TABLE IF NOT EXISTS attune_model_uploads (
    generation uuid PRIMARY KEY,
    arn text NOT NULL);
CREATE INDEX IF NOT EXISTS attune_model_uploads_by_arn ON attune_model_uploads (arn);

CREATE TABLE IF NOT EXISTS attune_model_chunks (
    generation uuid NOT NULL,
    chunk integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (generation, chunk));

CREATE TABLE IF NOT EXISTS attune_model_metrics (
    arn text PRIMARY KEY,
    metrics text NOT NULL);
