-- Platform tables live in their own schema with their own Flyway history, so a service's migrations
-- and the platform's never compete for version numbers.

-- Transactional outbox: written in the same transaction as the state change it announces, relayed
-- to Kafka afterwards. seq gives the publication order (per key order follows from it).
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT,
    -- set when Kafka refused the record for good (too large, invalid topic): kept for operators
    failed_at    TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: ids of events a consumer has already applied, recorded in the same transaction as the effect.
CREATE TABLE inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_processed_at ON inbox_event (processed_at);
