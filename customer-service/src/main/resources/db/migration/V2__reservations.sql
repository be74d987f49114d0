-- Booking integration (B-1 to B-4) and reservation history (C-8).

-- B-2: which customer a partner's customer id stands for. Scoped by the partner (the events' source),
-- since two booking systems may use the same ids.
CREATE TABLE customer_identity (
    workspace_id UUID         NOT NULL,
    partner      VARCHAR(200) NOT NULL,
    external_id  VARCHAR(200) NOT NULL,
    customer_id  UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    linked_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, partner, external_id)
);
CREATE INDEX customer_identity_by_customer ON customer_identity (customer_id);

-- C-8: each reservation as it is now. Events may arrive late or twice: the newest one (by the time it
-- happened at the partner, then by kind) decides; last_event_* remember which one that was.
-- Erasing a customer keeps the reservation, anonymised (customer_id becomes NULL).
CREATE TABLE reservation (
    id              UUID PRIMARY KEY,
    workspace_id    UUID         NOT NULL,
    partner         VARCHAR(200) NOT NULL,
    external_id     VARCHAR(200) NOT NULL,
    customer_id     UUID REFERENCES customer (id) ON DELETE SET NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
    service         VARCHAR(200),
    staff           VARCHAR(200),
    location        VARCHAR(200),
    starts_at       TIMESTAMPTZ  NOT NULL,
    ends_at         TIMESTAMPTZ,
    cancel_reason   VARCHAR(500),
    last_event_at   TIMESTAMPTZ  NOT NULL,
    last_event_rank SMALLINT     NOT NULL,
    last_event_id   VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT reservation_per_partner UNIQUE (workspace_id, partner, external_id)
);
CREATE INDEX reservation_by_customer ON reservation (customer_id, starts_at DESC);
CREATE INDEX reservation_upcoming ON reservation (customer_id, starts_at) WHERE status = 'BOOKED';
