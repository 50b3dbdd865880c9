-- Tenancy: a customer organisation runs venues. Internal ids are UUIDs; venues are addressed by slug at the API edge.

CREATE TABLE customers (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venues (
    id          uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customers (id),
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 3 AND 64),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    timezone    text        NOT NULL DEFAULT 'UTC',
    address     text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX venues_by_customer ON venues (customer_id);
