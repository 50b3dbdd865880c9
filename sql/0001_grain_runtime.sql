-- The grain runtime: state, membership, directory and reminders (DESIGN.md section 2).

CREATE TABLE grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state       jsonb       NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key)
);

CREATE TABLE silo_membership (
    silo_id          uuid        PRIMARY KEY,
    address          text        NOT NULL,
    generation       bigint      NOT NULL,
    status           text        NOT NULL CHECK (status IN ('joining', 'active', 'shutting_down', 'stopped', 'dead')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    heartbeat_at     timestamptz NOT NULL DEFAULT now(),
    declared_dead_at timestamptz,
    declared_dead_by uuid
);

CREATE INDEX silo_membership_live ON silo_membership (status, heartbeat_at)
    WHERE status IN ('joining', 'active', 'shutting_down');

CREATE TABLE grain_directory (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    silo_id       uuid        NOT NULL,
    activation_id uuid        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key)
);

CREATE INDEX grain_directory_by_silo ON grain_directory (silo_id);

CREATE TABLE grain_reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    next_due_at   timestamptz NOT NULL,
    period        interval    NOT NULL CHECK (period > interval '0'),
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

CREATE INDEX grain_reminders_due ON grain_reminders (next_due_at);
