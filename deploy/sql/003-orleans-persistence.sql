-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2), the default storage provider in cluster mode.
-- A row is keyed by (ServiceId, grain id, state name); PayloadBinary holds the Orleans binary serializer's bytes,
-- as embedded mode's SQLite grain storage does. Version is the ETag: a write or clear that names another
-- version changes nothing and the grain gets an InconsistentStateException.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamp NOT NULL,
    Version integer NULL
);

CREATE INDEX IF NOT EXISTS OrleansStorage_Hashes ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Writes a state: updates the row at _version, or inserts version 1 when _version is null and no row exists.
-- Returns the new version, or _version unchanged when nothing was written (an ETag conflict).
CREATE OR REPLACE FUNCTION attune_write_to_storage(
    _grain_id_hash integer, _grain_id_n0 bigint, _grain_id_n1 bigint, _grain_type_hash integer,
    _grain_type_string varchar, _grain_id_extension_string varchar, _service_id varchar, _version integer,
    _payload_binary bytea)
    RETURNS TABLE(NewGrainStateVersion integer) LANGUAGE plpgsql AS
$$
DECLARE
    changed integer := 0;
BEGIN
    IF _version IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = _payload_binary, ModifiedOn = (now() AT TIME ZONE 'utc'), Version = Version + 1
        WHERE GrainIdHash = _grain_id_hash AND GrainTypeHash = _grain_type_hash
          AND GrainIdN0 = _grain_id_n0 AND GrainIdN1 = _grain_id_n1
          AND GrainTypeString = _grain_type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM _grain_id_extension_string
          AND ServiceId = _service_id AND Version = _version;
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN QUERY SELECT CASE WHEN changed > 0 THEN _version + 1 ELSE _version END;
        RETURN;
    END IF;

    -- Two activations of one grain (a split brain) may insert at once: the lock lets exactly one win.
    PERFORM pg_advisory_xact_lock(_grain_id_hash, _grain_type_hash);
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT _grain_id_hash, _grain_id_n0, _grain_id_n1, _grain_type_hash, _grain_type_string,
           _grain_id_extension_string, _service_id, _payload_binary, (now() AT TIME ZONE 'utc'), 1
    WHERE NOT EXISTS (
        SELECT 1 FROM OrleansStorage
        WHERE GrainIdHash = _grain_id_hash AND GrainTypeHash = _grain_type_hash
          AND GrainIdN0 = _grain_id_n0 AND GrainIdN1 = _grain_id_n1
          AND GrainTypeString = _grain_type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM _grain_id_extension_string
          AND ServiceId = _service_id);
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN QUERY SELECT CASE WHEN changed > 0 THEN 1 ELSE NULL END;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey',
 'SELECT NewGrainStateVersion FROM attune_write_to_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
    @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)'),
('ReadFromStorageKey',
 'SELECT PayloadBinary, (now() AT TIME ZONE ''utc''), Version
  FROM OrleansStorage
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId'),
('ClearStorageKey',
 'UPDATE OrleansStorage
  SET PayloadBinary = NULL, ModifiedOn = (now() AT TIME ZONE ''utc''), Version = Version + 1
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId AND Version = @GrainStateVersion
  RETURNING Version AS NewGrainStateVersion'),
('DeleteStorageKey',
 'DELETE FROM OrleansStorage
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND ServiceId = @ServiceId AND Version = @GrainStateVersion
  RETURNING NULL::integer AS NewGrainStateVersion')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
