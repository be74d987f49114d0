-- C-10: the customer timeline, a projection written by listeners to what happens to a customer
-- (in-process domain events, and other services' events consumed from Kafka). Planned entries
-- (reservations still ahead) are read from the reservation table, not stored twice.
CREATE TABLE timeline_entry (
    id           UUID PRIMARY KEY,
    workspace_id UUID          NOT NULL,
    customer_id  UUID          NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    type         VARCHAR(40)   NOT NULL,
    title        VARCHAR(500)  NOT NULL,
    details      JSONB,
    source_type  VARCHAR(40)   NOT NULL,
    source_id    VARCHAR(200),
    source_href  VARCHAR(500),
    -- the event that wrote the entry, when it has an id of its own: a redelivered event changes nothing
    event_id     VARCHAR(200),
    recorded_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX timeline_by_customer ON timeline_entry (customer_id, occurred_at DESC, id DESC);
CREATE INDEX timeline_by_source ON timeline_entry (customer_id, source_type, source_id);
CREATE UNIQUE INDEX timeline_by_event ON timeline_entry (workspace_id, event_id) WHERE event_id IS NOT NULL;
