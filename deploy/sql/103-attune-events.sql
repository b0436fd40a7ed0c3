-- Attune's PutEvents log. Each dataset group's put-origin interactions live in its schema's interactions_put table
-- (created by the application, since its columns follow the Interactions schema; seq is the event log's Sequence). This
-- function adds the log's bookkeeping to a group's schema: who each row belongs to (its session, and whether it is still
-- the session's, anonymous), committed eventIds, which user claimed each session, and impression-only events.
-- Writers call it under the group's advisory lock after creating interactions_put. Idempotent: applied at every start
-- by Attune's migration runner, or by hand with psql.
CREATE OR REPLACE FUNCTION attune_ensure_put_log(group_schema text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I.interactions_put ADD COLUMN IF NOT EXISTS session_id text, '
        'ADD COLUMN IF NOT EXISTS anonymous boolean NOT NULL DEFAULT false', group_schema);
    EXECUTE format('CREATE INDEX IF NOT EXISTS interactions_put_by_user ON %I.interactions_put (user_idx, seq)', group_schema);
    EXECUTE format('CREATE INDEX IF NOT EXISTS interactions_put_anonymous ON %I.interactions_put (session_id) WHERE anonymous', group_schema);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.put_event_ids (event_id text PRIMARY KEY)', group_schema);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.put_sessions (session_id text PRIMARY KEY, user_id text NOT NULL)', group_schema);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I.put_impressions ('
        'seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, session_id text NOT NULL, user_id text, ts bigint NOT NULL, '
        'event_type text NOT NULL, impression text, recommendation_id text)', group_schema);
    EXECUTE format('CREATE INDEX IF NOT EXISTS put_impressions_anonymous ON %I.put_impressions (session_id) WHERE user_id IS NULL', group_schema);
END
$$;
