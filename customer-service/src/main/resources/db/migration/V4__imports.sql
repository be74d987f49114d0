-- C-9: customer imports (CSV files and JSON rows), run in the background, chunk by chunk.

CREATE TABLE customer_import (
    id                UUID PRIMARY KEY,
    workspace_id      UUID          NOT NULL,
    status            VARCHAR(16)   NOT NULL
        CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'UNDOING', 'UNDONE')),
    -- a dry run reads, checks and matches every row, then writes nothing
    dry_run           BOOLEAN       NOT NULL,
    format            VARCHAR(8)    NOT NULL CHECK (format IN ('CSV', 'JSON')),
    file_name         VARCHAR(255),
    file_bytes        BIGINT,
    encoding          VARCHAR(20),
    delimiter         VARCHAR(16),
    -- how the columns were read: 'standard', 'reservio', 'recognised' (headers known by name), 'custom'
    layout            VARCHAR(20),
    columns           JSONB         NOT NULL DEFAULT '[]',
    rows_read         BIGINT        NOT NULL DEFAULT 0,
    created_count     BIGINT        NOT NULL DEFAULT 0,
    updated_count     BIGINT        NOT NULL DEFAULT 0,
    unchanged_count   BIGINT        NOT NULL DEFAULT 0,
    rejected_count    BIGINT        NOT NULL DEFAULT 0,
    failure           VARCHAR(1000),
    requested_by      VARCHAR(200)  NOT NULL,
    requested_at      TIMESTAMPTZ   NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    -- the instance running the job proves it is alive; a job whose heartbeat stops is marked failed
    heartbeat_at      TIMESTAMPTZ,
    undo_requested_by VARCHAR(200),
    undo_requested_at TIMESTAMPTZ,
    undone_at         TIMESTAMPTZ,
    removed_count     BIGINT        NOT NULL DEFAULT 0,
    restored_count    BIGINT        NOT NULL DEFAULT 0,
    kept_count        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX customer_import_by_workspace ON customer_import (workspace_id, requested_at DESC, id DESC);
CREATE INDEX customer_import_running ON customer_import (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING', 'UNDOING');

-- Every row an import refused, with the reasons and the cells as they were read (so the report can be
-- fixed and imported again). Personal data of people who were never imported: kept 30 days.
CREATE TABLE customer_import_rejection (
    import_id  UUID   NOT NULL REFERENCES customer_import (id) ON DELETE CASCADE,
    row_number BIGINT NOT NULL,
    reasons    JSONB  NOT NULL,
    cells      JSONB  NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

-- What an import did to each customer it touched: created it, or changed these fields from these
-- values. The undo works from it, and the customer's timeline reads its import entries from it rather
-- than storing them twice; it goes with the customer on erasure. Written a row per imported
-- customer, so without foreign keys (each costs a lookup and a row lock per row): erasure deletes it.
CREATE TABLE customer_import_change (
    import_id      UUID        NOT NULL,
    customer_id    UUID        NOT NULL,
    workspace_id   UUID        NOT NULL,
    kind           VARCHAR(8)  NOT NULL CHECK (kind IN ('CREATED', 'UPDATED')),
    -- how the import is named (its file) and who ran it: the customer's timeline tells it from here
    import_name    VARCHAR(255) NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    row_number     BIGINT      NOT NULL,
    changed_fields TEXT[]      NOT NULL,
    -- the changed columns' values before the import (column name -> value); empty for CREATED
    previous       JSONB       NOT NULL,
    -- the customer's version right after the import changed it: any other version means someone else
    -- touched the customer since, and the undo leaves it alone
    version_after  BIGINT      NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,
    undone_at      TIMESTAMPTZ,
    -- RESTORED, or KEPT when something newer had touched the customer (created customers are deleted)
    undo_outcome   VARCHAR(8)  CHECK (undo_outcome IN ('RESTORED', 'KEPT')),
    PRIMARY KEY (import_id, customer_id)
);
CREATE INDEX customer_import_change_by_customer ON customer_import_change (customer_id);
