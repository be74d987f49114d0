-- S-3 campaigns: staff enrol a customer-service group, or everyone a customer-list filter shows, into a scenario.
-- The work pages through customer-service with the caller's token, which is never written here: an instance that
-- dies mid-way leaves the campaign RUNNING with a lease that runs out; it is then INTERRUPTED and resumed from
-- `cursor` with a fresh token. run_token fences an old run out once a resumed one has taken over.
CREATE TABLE campaign (
    workspace_id uuid        NOT NULL,
    id           uuid        NOT NULL,
    scenario_id  uuid        NOT NULL,
    group_id     uuid,
    filter       jsonb,
    state        text        NOT NULL,
    reason       text,
    cursor       text,
    expected     integer,
    pages        integer     NOT NULL DEFAULT 0,
    seen         integer     NOT NULL DEFAULT 0,
    enrolled     integer     NOT NULL DEFAULT 0,
    skipped      integer     NOT NULL DEFAULT 0,
    failed       integer     NOT NULL DEFAULT 0,
    run_token    uuid,
    lease_until  timestamptz,
    started_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, scenario_id) REFERENCES scenario (workspace_id, id) ON DELETE CASCADE,
    CHECK ((group_id IS NULL) <> (filter IS NULL))
);
CREATE INDEX campaign_scenario ON campaign (workspace_id, scenario_id, created_at);
-- the running campaigns whose lease ran out, looked for whenever campaigns are read or resumed
CREATE INDEX campaign_running_lease ON campaign (lease_until) WHERE state = 'RUNNING';

-- One row per customer a campaign met: what happened to them. The key is what makes a resumed campaign, which
-- may read a page again, never enrol anyone twice.
CREATE TABLE campaign_member (
    workspace_id  uuid NOT NULL,
    campaign_id   uuid NOT NULL,
    customer_id   uuid NOT NULL,
    outcome       text NOT NULL,
    reason        text,
    enrollment_id uuid,
    PRIMARY KEY (workspace_id, campaign_id, customer_id),
    FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaign (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_member_customer ON campaign_member (workspace_id, customer_id);

-- S-2 birthday: the customer's date of birth (customer.events) and the moment of the next greeting, whose durable
-- timer (db-scheduler, "scenario-birthday") carries the same moment: a timer whose moment no longer matches (the
-- date changed or was removed) does nothing.
ALTER TABLE customer ADD COLUMN birth_date date;
ALTER TABLE customer ADD COLUMN next_birthday_at timestamptz;
