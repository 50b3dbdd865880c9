-- Accounts, organisations' members and venues as queryable projections of their grains (written in the grain's own
-- transaction), and the audit trail of every mutation by hosts and platform staff.

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    platform_role text        CHECK (platform_role IN ('admin', 'support_admin', 'developer')),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_members (
    customer_id uuid        NOT NULL REFERENCES customers (id),
    user_id     uuid        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('customer_owner', 'customer_manager', 'customer_staff')),
    joined_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, user_id)
);

CREATE INDEX customer_members_by_user ON customer_members (user_id);

-- A deleted venue keeps its row (its history refers to it) but frees its slug.
ALTER TABLE venues ADD COLUMN deleted_at timestamptz;
ALTER TABLE venues DROP CONSTRAINT venues_slug_key;
CREATE UNIQUE INDEX venues_live_slug ON venues (slug) WHERE deleted_at IS NULL;
CREATE INDEX venues_live_by_name ON venues (lower(name), id) WHERE deleted_at IS NULL;

CREATE TABLE audit_log (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_id        uuid        NOT NULL,
    actor_email     text        NOT NULL,
    acting_as_id    uuid,
    acting_as_email text,
    actor_role      text,
    customer_id     uuid,
    venue_id        uuid,
    action          text        NOT NULL,
    resource_type   text        NOT NULL,
    resource_id     text        NOT NULL,
    before          jsonb,
    after           jsonb,
    client_address  text,
    request_id      text
);

CREATE INDEX audit_log_by_time ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, occurred_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, occurred_at DESC);
