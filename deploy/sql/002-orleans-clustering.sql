-- Orleans membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2). DeploymentId is ClusterOptions.ClusterId.
-- Times are timestamptz: Npgsql sends the providers' UTC DateTimes as timestamptz and nothing else.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,

    CONSTRAINT OrleansMembershipVersionTable_Key PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,

    CONSTRAINT OrleansMembershipTable_Key PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Creates the version row of a cluster once; 1 when this call created it, 0 when it existed.
CREATE OR REPLACE FUNCTION attune_insert_membership_version(deployment_id varchar)
    RETURNS TABLE(row_count integer) LANGUAGE plpgsql AS
$$
DECLARE
    inserted integer;
BEGIN
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (deployment_id)
    ON CONFLICT (DeploymentId) DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN QUERY SELECT inserted;
END
$$;

-- Moves the cluster's table version on by one if it is still version_arg (another silo may have changed it first).
CREATE OR REPLACE FUNCTION attune_bump_membership_version(deployment_id varchar, version_arg integer)
    RETURNS boolean LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE OrleansMembershipVersionTable
    SET Timestamp = now(), Version = Version + 1
    WHERE DeploymentId = deployment_id AND Version = version_arg;
    RETURN FOUND;
END
$$;

-- Adds a silo's row if the table version is still the one the silo read (optimistic concurrency):
-- 1 on success, 0 when the row exists or another silo changed the table first (nothing is changed then).
CREATE OR REPLACE FUNCTION attune_insert_membership(
    deployment_id varchar, address_arg varchar, port_arg integer, generation_arg integer, silo_name varchar,
    host_name varchar, status_arg integer, proxy_port integer, start_time timestamptz, i_am_alive_time timestamptz,
    version_arg integer)
    RETURNS TABLE(row_count integer) LANGUAGE plpgsql AS
$$
DECLARE
    changed integer;
BEGIN
    IF NOT attune_bump_membership_version(deployment_id, version_arg) THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (deployment_id, address_arg, port_arg, generation_arg, silo_name, host_name, status_arg, proxy_port,
         start_time, i_am_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'attune: membership row exists';
    END IF;
    RETURN QUERY SELECT 1;
EXCEPTION
    WHEN SQLSTATE 'P0001' THEN
        RETURN QUERY SELECT 0; -- the exception block rolled the version bump back
END
$$;

-- Updates a silo's row under the same optimistic version check; 1 on success, 0 otherwise.
CREATE OR REPLACE FUNCTION attune_update_membership(
    deployment_id varchar, address_arg varchar, port_arg integer, generation_arg integer, status_arg integer,
    suspect_times varchar, i_am_alive_time timestamptz, version_arg integer)
    RETURNS TABLE(row_count integer) LANGUAGE plpgsql AS
$$
DECLARE
    changed integer;
BEGIN
    IF NOT attune_bump_membership_version(deployment_id, version_arg) THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;

    UPDATE OrleansMembershipTable
    SET Status = status_arg, SuspectTimes = suspect_times, IAmAliveTime = i_am_alive_time
    WHERE DeploymentId = deployment_id AND Address = address_arg AND Port = port_arg AND Generation = generation_arg;
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'attune: no such membership row';
    END IF;
    RETURN QUERY SELECT 1;
EXCEPTION
    WHEN SQLSTATE 'P0001' THEN
        RETURN QUERY SELECT 0;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey',
 'SELECT row_count FROM attune_insert_membership_version(@DeploymentId)'),
('InsertMembershipKey',
 'SELECT row_count FROM attune_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey',
 'SELECT row_count FROM attune_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status,
    @SuspectTimes, @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey',
 'UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation'),
('MembershipReadRowKey',
 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
         m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
       AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
  WHERE v.DeploymentId = @DeploymentId'),
('MembershipReadAllKey',
 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
         m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
  WHERE v.DeploymentId = @DeploymentId'),
('GatewaysQueryKey',
 'SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
  WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0'),
('DeleteMembershipTableEntriesKey',
 'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
  DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId'),
-- Removes rows of silos that stopped sending I-am-alive before @IAmAliveTime, except active ones (Status 3).
('CleanupDefunctSiloEntriesKey',
 'DELETE FROM OrleansMembershipTable
  WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
