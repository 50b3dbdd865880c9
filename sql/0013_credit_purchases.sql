-- Credit purchases through Stripe Checkout, as the buyer's wallet grain records them (a row beside its state, in the
-- same transaction): platform staff list them and refund them from here; the wallet's state stays the authority.

CREATE TABLE credit_purchases (
    session_id         text        PRIMARY KEY CHECK (length(session_id) BETWEEN 1 AND 255),
    wallet_id          uuid        NOT NULL,
    package            text        NOT NULL,
    credits            integer     NOT NULL CHECK (credits > 0),
    amount_cents       bigint      NOT NULL CHECK (amount_cents >= 0),
    currency           text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('pending', 'completed', 'expired', 'refunded')),
    payment_intent_id  text,
    credits_taken_back integer     CHECK (credits_taken_back >= 0),
    created_at         timestamptz NOT NULL,
    completed_at       timestamptz,
    refunded_at        timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX credit_purchases_newest ON credit_purchases (created_at DESC);
CREATE INDEX credit_purchases_by_wallet ON credit_purchases (wallet_id, created_at DESC);
