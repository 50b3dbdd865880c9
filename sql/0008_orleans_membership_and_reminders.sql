-- Orleans clustering and reminders on PostgreSQL (Microsoft.Orleans.Clustering.AdoNet and
-- Microsoft.Orleans.Reminders.AdoNet 10.4.2, ADO.NET invariant "Npgsql"), replacing the home-made
-- runtime's membership, directory and reminder tables from 0001. grain_state stays: it is still the
-- grain state store.
--
-- How the providers use this schema:
--   * At start-up each provider runs the fixed text "SELECT QueryKey, QueryText FROM OrleansQuery"
--     and from then on runs only the query texts it found there, by key. A required key that is
--     missing stops the silo (or the client) from starting; the table names below are ours to pick,
--     because the providers never name them.
--   * Parameters arrive as named Npgsql parameters (@DeploymentId, @Address, ...), with these types:
--     text for strings and addresses, int4 for ports, generation, status, version and hashes,
--     timestamptz for DateTime (the provider sends DbType.DateTime with UTC values, which Npgsql
--     sends as timestamptz), and int4 or int8 for a reminder period in milliseconds.
--   * Columns of a result are found by name, ignoring case; the aliases below spell the names the
--     providers look for. Queries whose answer is a yes/no return one row with one boolean column.
--
-- The membership table's version (one row per cluster id, the "deployment id") is the optimistic
-- concurrency of the whole membership table: every insert or update of a silo row names the version
-- it read, and succeeds only if that is still the version, which it then increments, in the same
-- statement.
--
-- Silo status (Orleans.Runtime.SiloStatus, stored as its number):
--   0 None, 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
--
-- Fencing: Singr's grain state writes check, inside their own transaction, that the writing silo's
-- row is still live with SELECT ... FROM orleans_membership WHERE <primary key> AND status ...
-- FOR KEY SHARE. A plain UPDATE of non-key columns does not conflict with FOR KEY SHARE, so the
-- membership update below first locks the silo's row FOR UPDATE: a status change (to Dead above
-- all) waits for fenced writes already under way to commit, and a fenced write that starts while it
-- is in flight waits for it and then sees the new status.

-- ---------------------------------------------------------------------------------------------
-- Old home-made runtime (0001): membership, directory and reminders. Orleans keeps its grain
-- directory in memory, so grain_directory has no successor. No CASCADE: should anything else have
-- come to depend on these tables, this migration fails rather than dropping it too.
-- ---------------------------------------------------------------------------------------------

DROP TABLE grain_directory;
DROP TABLE grain_reminders;
DROP TABLE silo_membership;

-- ---------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------

-- Query texts by key. The providers' reading query names the table and columns unquoted, so the
-- catalog names are the lower-case orleansquery, querykey and querytext.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster: the version of that cluster's membership table.
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: a restarted silo on the same address and port has a new generation
-- and a new row. suspect_times is Orleans's own text ("address@generation,date|...") of the votes
-- cast against the silo; it is stored as given and handed back as read.
CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Reminders of one service id. grain_hash is the grain id's uniform hash, an unsigned 32-bit number
-- that the provider sends as the signed int4 with the same bits; range reads compare it signed.
-- period is in milliseconds. version is the reminder's etag: 0 when created, one more at each
-- upsert.
CREATE TABLE orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

-- ---------------------------------------------------------------------------------------------
-- Clustering queries (silos; the client's gateway list provider uses GatewaysQueryKey)
-- ---------------------------------------------------------------------------------------------

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Creates the cluster's version row if it is not there yet.
-- In: @DeploymentId. Out: one boolean, true if this call created the row.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS "Created" FROM created
$q$),

-- Adds a silo's row, if the table is still at the version the silo read and the row is new; the
-- version goes up by one with it. Taking the version row first serialises all membership writes
-- of the cluster, so a second writer that read the same version finds it changed.
-- In: @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
--     @StartTime, @IAmAliveTime, @Version (the version read). Out: one boolean, true if inserted.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
       SET version = v.version + 1, updated_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (SELECT 1 FROM orleans_membership m
                        WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                          AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped b
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 AS "Inserted" FROM inserted
$q$),

-- Changes a silo's status, suspicion votes and liveness time, if the table is still at the version
-- the writer read and the row exists; the version goes up by one with it. The row is locked FOR
-- UPDATE before it is changed so that this conflicts with the fencing lock (see the top). Dead (6)
-- is final: a silo declared dead cannot write itself back to a status the fence accepts.
-- In: @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes (may be null),
--     @IAmAliveTime, @Version (the version read). Out: one boolean, true if updated.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
       SET version = v.version + 1, updated_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (SELECT 1 FROM orleans_membership m
                    WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                      AND m.port = @Port AND m.generation = @Generation
                      AND (m.status <> 6 OR @Status = 6))
    RETURNING v.deployment_id
), locked AS (
    SELECT m.deployment_id, m.address, m.port, m.generation
      FROM orleans_membership m
      JOIN bumped b ON b.deployment_id = m.deployment_id
     WHERE m.address = @Address AND m.port = @Port AND m.generation = @Generation
       FOR UPDATE OF m
), updated AS (
    UPDATE orleans_membership m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM locked l
     WHERE m.deployment_id = l.deployment_id AND m.address = l.address
       AND m.port = l.port AND m.generation = l.generation
    RETURNING 1
)
SELECT count(*) = 1 AS "Updated" FROM updated
$q$),

-- Heartbeat: records that the silo is alive. Not versioned, and its result is not read.
-- In: @DeploymentId, @Address, @Port, @Generation, @IAmAliveTime.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation
$q$),

-- One silo's row together with the table version. The version row drives the join, so the
-- version comes back even when the silo has no row (then StartTime is null and the provider reads
-- "no entry"); with no version row at all nothing comes back, which the provider does not expect:
-- InsertMembershipVersionKey runs first.
-- In: @DeploymentId, @Address, @Port, @Generation.
('MembershipReadRowKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id AND m.address = @Address
        AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

-- Every silo row of the cluster, each with the table version (one row with null silo columns if
-- the cluster has no silos yet), read in one statement so rows and version agree.
-- In: @DeploymentId.
('MembershipReadAllKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),

-- Gateways for clients: silos in the given status (the provider passes 3, Active) that listen for
-- clients (proxy port above 0). The provider builds the gateway address from Address, ProxyPort
-- and Generation. In: @DeploymentId, @Status.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Forgets a whole cluster: its silo rows (by the foreign key's cascade) and its version row.
-- In: @DeploymentId.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Per-row cleanup of defunct silos. When this key exists the provider reads the table, picks the
-- Dead rows whose start, last heartbeat and every suspicion vote are older than the cut-off, and
-- runs this for each one with the values it read; the row goes only if it is still Dead and still
-- holds exactly those values, so a row that changed since the read stays. (A null and an empty
-- vote list are the same here: the provider reads an empty text back as "no votes".)
-- In: @DeploymentId, @Address, @Port, @Generation, @StartTime, @IAmAliveTime, @SuspectTimes.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$),

-- Bulk cleanup of defunct silos, required to be present although the provider uses it only when
-- CleanupDefunctSiloEntryKey is missing: Dead rows whose start and last heartbeat are older than
-- the cut-off. In: @DeploymentId, @IAmAliveTime (the cut-off).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
$q$),

-- ---------------------------------------------------------------------------------------------
-- Reminder queries
-- ---------------------------------------------------------------------------------------------

-- Creates or replaces a reminder; a replaced one gets the next version.
-- In: @ServiceId, @GrainId, @ReminderName, @StartTime, @Period (ms), @GrainHash.
-- Out: one row, "Version": the reminder's new etag.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time,
       period     = excluded.period,
       grain_hash = excluded.grain_hash,
       version    = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$),

-- All reminders of one grain. In: @ServiceId, @GrainId.
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

-- One reminder, or no row. In: @ServiceId, @GrainId, @ReminderName.
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- Reminders in a ring range (Begin, End] that does not wrap in signed order: the provider picks
-- this one when @BeginHash < @EndHash as signed int4. In: @ServiceId, @BeginHash, @EndHash.
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- Reminders in a ring range that wraps in signed order (@BeginHash >= @EndHash; Begin = End is the
-- whole ring): above Begin, or up to End. In: @ServiceId, @BeginHash, @EndHash.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Deletes a reminder if it is still at the version the caller holds.
-- In: @ServiceId, @GrainId, @ReminderName, @Version. Out: one boolean, true if deleted.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId
       AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT count(*) > 0 AS "Deleted" FROM deleted
$q$),

-- Deletes every reminder of the service. In: @ServiceId.
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$);
