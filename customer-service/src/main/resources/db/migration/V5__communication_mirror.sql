-- What customer-service keeps of communication-service's events (C-4's subscription column, C-10).

-- The version of the preferences the list's subscription and mute columns reflect: events may come
-- twice or late, and only a newer version may change them.
ALTER TABLE customer ADD COLUMN preferences_version BIGINT;

-- C-10's planned part beyond reservations: things another service has scheduled for the customer (a
-- message deferred by quiet hours, later the scenario steps), until they happen or are cancelled.
CREATE TABLE timeline_planned_entry (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL,
    customer_id  UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    due_at       TIMESTAMPTZ  NOT NULL,
    type         VARCHAR(40)  NOT NULL,
    title        VARCHAR(500) NOT NULL,
    details      JSONB,
    source_type  VARCHAR(40)  NOT NULL,
    source_id    VARCHAR(200) NOT NULL,
    source_href  VARCHAR(500),
    recorded_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT timeline_planned_per_source UNIQUE (customer_id, source_type, source_id)
);
CREATE INDEX timeline_planned_by_customer ON timeline_planned_entry (customer_id, due_at);
