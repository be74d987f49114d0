-- Customer context schema. Every table carries workspace_id and every query filters by it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Case- and accent-insensitive form of a text: "Novák" -> "novak". unaccent() is only STABLE (its
-- dictionary could change), so it cannot feed a generated column or index directly; this wrapper
-- pins the dictionary and is declared IMMUTABLE, the documented way to index unaccented text.
CREATE FUNCTION clientele_fold(value TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

CREATE TABLE customer (
    id                 UUID PRIMARY KEY,
    workspace_id       UUID          NOT NULL,
    first_name         VARCHAR(100),
    last_name          VARCHAR(100),
    company_name       VARCHAR(200),
    email              VARCHAR(254),
    phone              VARCHAR(16),
    birth_date         DATE,
    gender             VARCHAR(16)   CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    street             VARCHAR(200),
    city               VARCHAR(100),
    postal_code        VARCHAR(20),
    country            VARCHAR(2),
    vat_id             VARCHAR(32),
    preferred_language VARCHAR(35),
    preferred_currency VARCHAR(3),
    discount_percent   NUMERIC(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    customer_type      VARCHAR(16)   NOT NULL CHECK (customer_type IN ('CONTACT', 'REGISTERED')),
    source             VARCHAR(16)   NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'BOOKING', 'API')),
    synced             BOOLEAN       NOT NULL DEFAULT FALSE,
    custom_fields      JSONB         NOT NULL DEFAULT '{}',
    status             VARCHAR(16)   NOT NULL CHECK (status IN ('NEW', 'REGULAR', 'PROBLEMATIC', 'BLOCKED')),
    stage              VARCHAR(16)   NOT NULL CHECK (stage IN ('CURRENT', 'POTENTIAL')),
    temperature        VARCHAR(16)   CHECK (temperature IN ('HOT', 'WARM', 'COLD', 'NOT_INTERESTED')),
    -- fed by communication-service's preference events; UNSUBSCRIBED unless consent was given
    subscription_state VARCHAR(16)   NOT NULL CHECK (subscription_state IN ('SUBSCRIBED', 'UNSUBSCRIBED')),
    muted              BOOLEAN       NOT NULL DEFAULT FALSE,
    last_note_preview  VARCHAR(160),
    last_note_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT customer_has_a_name CHECK (first_name IS NOT NULL OR last_name IS NOT NULL OR company_name IS NOT NULL),

    -- Derived columns, kept by the database so that rows written by any path (API, import, bulk
    -- SQL) are searchable and sortable alike.
    -- Search: folded names and e-mail, then the phone's digits ("777 123" finds "+420777123456").
    search_text   TEXT GENERATED ALWAYS AS (
                      clientele_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' '
                                     || coalesce(company_name, '') || ' ' || coalesce(email, ''))
                      || ' ' || coalesce(regexp_replace(phone, '[^0-9]', '', 'g'), '')) STORED,
    -- Sort keys compare bytewise (COLLATE "C") on folded text: fast, and the same on every server.
    sort_name     TEXT COLLATE "C" GENERATED ALWAYS AS (
                      clientele_fold(coalesce(nullif(trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')), ''),
                                              company_name))) STORED,
    email_key     TEXT COLLATE "C" GENERATED ALWAYS AS (lower(email)) STORED,
    -- The list's subscription column: muted outranks the subscription state.
    contact_state VARCHAR(16) GENERATED ALWAYS AS (CASE WHEN muted THEN 'MUTED' ELSE subscription_state END) STORED
);

-- E-mail is optional but unique within a workspace, case-insensitively.
CREATE UNIQUE INDEX customer_email_unique ON customer (workspace_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX customer_phone ON customer (workspace_id, phone) WHERE phone IS NOT NULL;

-- Substring search. Trigrams only: adding workspace_id to the GIN index (btree_gin) makes every search
-- intersect a posting list as long as the workspace (measured 2-4x slower at a million customers); the
-- few rows a fragment matches are filtered by workspace on the heap instead.
CREATE INDEX customer_search ON customer USING gin (search_text gin_trgm_ops);
-- The planner estimates LIKE '%fragment%' from this column's histogram, and never below one histogram
-- entry. With the default 100 entries a rare name is taken for 1 % of the workspace, and walking the
-- name index "until 50 matches" looks cheaper than the trigram index: a full scan in practice. 2,500
-- entries bring the floor to 0.04 %, where the trigram index wins for rare fragments and the ordered
-- walk still wins for common ones.
ALTER TABLE customer ALTER COLUMN search_text SET STATISTICS 2500;

-- Keyset pagination: one index per sortable column, each ending with the id as tie-breaker. Nullable
-- columns sort on (value IS NULL, coalesce(value, ...)) so that NULLs come last when ascending.
CREATE INDEX customer_by_name ON customer (workspace_id, sort_name, id);
CREATE INDEX customer_by_email ON customer (workspace_id, (email_key IS NULL), coalesce(email_key, ''), id);
CREATE INDEX customer_by_phone ON customer (workspace_id, (phone IS NULL), coalesce(phone, ''), id);
CREATE INDEX customer_by_contact_state ON customer (workspace_id, contact_state, id);
CREATE INDEX customer_by_status ON customer (workspace_id, status, id);
CREATE INDEX customer_by_last_note ON customer (workspace_id, (last_note_at IS NULL), coalesce(last_note_at, '-infinity'), id);
CREATE INDEX customer_by_discount ON customer (workspace_id, discount_percent, id);
CREATE INDEX customer_by_created ON customer (workspace_id, created_at, id);
CREATE INDEX customer_by_updated ON customer (workspace_id, updated_at, id);

-- C-2: every lifecycle status change, with who and when.
CREATE TABLE customer_status_change (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL,
    customer_id  UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16)  NOT NULL,
    changed_by   VARCHAR(200) NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL,
    reason       VARCHAR(500)
);
CREATE INDEX customer_status_change_by_customer ON customer_status_change (customer_id, changed_at DESC);

-- C-5: what remains of an erased customer: no personal data, only the fact, as proof.
CREATE TABLE customer_erasure (
    customer_id  UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL,
    erased_at    TIMESTAMPTZ  NOT NULL,
    erased_by    VARCHAR(200) NOT NULL
);

-- C-6: team notes, listed by priority, then newest first.
CREATE TABLE customer_note (
    id            UUID PRIMARY KEY,
    workspace_id  UUID          NOT NULL,
    customer_id   UUID          NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    text          VARCHAR(5000) NOT NULL,
    priority      VARCHAR(8)    NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'NONE')),
    priority_rank INT           NOT NULL,
    author        VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX customer_note_by_customer ON customer_note (customer_id, priority_rank, created_at DESC);

-- C-7: named groups and their members.
CREATE TABLE customer_group (
    id           UUID PRIMARY KEY,
    workspace_id UUID         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(500),
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX customer_group_name_unique ON customer_group (workspace_id, lower(name));

CREATE TABLE customer_group_member (
    group_id     UUID        NOT NULL REFERENCES customer_group (id) ON DELETE CASCADE,
    customer_id  UUID        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    workspace_id UUID        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, customer_id)
);
CREATE INDEX customer_group_member_by_customer ON customer_group_member (customer_id);

-- Per-workspace settings of the customer context.
CREATE TABLE workspace_settings (
    workspace_id      UUID PRIMARY KEY,
    regular_threshold INT          NOT NULL CHECK (regular_threshold BETWEEN 1 AND 1000),
    default_country   VARCHAR(2)      NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        VARCHAR(200) NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);

-- The "client card": custom fields a workspace defines for its customers.
CREATE TABLE custom_field_definition (
    workspace_id UUID         NOT NULL,
    key          VARCHAR(64)  NOT NULL,
    label        VARCHAR(100) NOT NULL,
    type         VARCHAR(16)  NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE')),
    options      JSONB        NOT NULL DEFAULT '[]',
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (workspace_id, key)
);
