-- Secrets the platform generates for itself in Development (the JWT signing key), shared by every process of a
-- local cluster. Outside Development they come from configuration and nothing is stored here.

CREATE TABLE platform_secrets (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
