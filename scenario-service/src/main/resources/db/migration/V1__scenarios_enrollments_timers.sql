-- S-1: a scenario and its versions. An edit adds a version; enrollments point at the version they started on,
-- so a running enrollment never meets steps it was not planned with.
CREATE TABLE scenario (
    workspace_id    uuid        NOT NULL,
    id              uuid        NOT NULL,
    name            text        NOT NULL,
    trigger         text        NOT NULL,
    active          boolean     NOT NULL,
    current_version integer     NOT NULL,
    ready_made      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX scenario_trigger ON scenario (workspace_id, trigger) WHERE active;
-- one copy of each ready-made scenario per workspace: switching it on twice answers the first
CREATE UNIQUE INDEX scenario_ready_made ON scenario (workspace_id, ready_made) WHERE ready_made IS NOT NULL;

CREATE TABLE scenario_version (
    workspace_id uuid        NOT NULL,
    scenario_id  uuid        NOT NULL,
    version      integer     NOT NULL,
    definition   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    PRIMARY KEY (workspace_id, scenario_id, version),
    FOREIGN KEY (workspace_id, scenario_id) REFERENCES scenario (workspace_id, id) ON DELETE CASCADE
);

-- What the conditions and the entry and exit rules read of customer-service's customers (customer.events)
-- and communication-service's preferences; an erased customer keeps only the row saying so.
CREATE TABLE customer (
    workspace_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    synced       boolean     NOT NULL DEFAULT false,
    status       text,
    language     text,
    subscription text,
    erased_at    timestamptz,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE reservation (
    workspace_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    customer_id  uuid        NOT NULL,
    status       text        NOT NULL,
    service      text,
    staff        text,
    location     text,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz,
    occurred_at  timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX reservation_customer ON reservation (workspace_id, customer_id);

-- S-3: one customer inside one scenario version, started by a trigger event or by staff.
CREATE TABLE enrollment (
    id               uuid        PRIMARY KEY,
    workspace_id     uuid        NOT NULL,
    scenario_id      uuid        NOT NULL,
    scenario_version integer     NOT NULL,
    customer_id      uuid        NOT NULL,
    reservation_id   uuid,
    active           boolean     NOT NULL,
    started_at       timestamptz NOT NULL,
    started_by       text        NOT NULL,
    ended_at         timestamptz,
    end_reason       text,
    FOREIGN KEY (workspace_id, scenario_id, scenario_version)
        REFERENCES scenario_version (workspace_id, scenario_id, version)
);
CREATE INDEX enrollment_customer ON enrollment (workspace_id, customer_id, scenario_id);
CREATE INDEX enrollment_reservation ON enrollment (workspace_id, reservation_id) WHERE active;

-- S-4: every step of an enrollment with its due time. PLANNED until its timer fires (DONE), or until a
-- reschedule, an exit or staff cancel it (CANCELLED), or when it was due before it could be planned (SKIPPED).
-- anchor_seconds: how far (in seconds) from the reservation's start the due time lies, when it was derived from it; a
-- rescheduled reservation moves exactly those steps.
CREATE TABLE planned_step (
    id            uuid        PRIMARY KEY,
    workspace_id  uuid        NOT NULL,
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id) ON DELETE CASCADE,
    step_id       text        NOT NULL,
    type          text        NOT NULL,
    title         text        NOT NULL,
    due_at        timestamptz NOT NULL,
    anchor_seconds bigint,
    status        text        NOT NULL,
    outcome       text,
    done_at       timestamptz,
    UNIQUE (enrollment_id, step_id)
);
CREATE INDEX planned_step_enrollment ON planned_step (enrollment_id) WHERE status = 'PLANNED';

-- S-5: db-scheduler's table (its PostgreSQL DDL for version 16), the durable timers of the planned steps.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
