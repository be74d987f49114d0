-- order-link-service: catalog (O-1), customer pricing (O-2), quick-order links (O-3), orders (O-5).
-- Every key that identifies or de-duplicates something starts with the workspace.

-- What the public page shows of the business: its name and logo, and the language and currency used
-- when a customer has none of their own.
CREATE TABLE workspace_branding (
    workspace_id     uuid PRIMARY KEY,
    business_name    text,
    logo_url         text,
    default_language text NOT NULL DEFAULT 'en',
    default_currency char(3) NOT NULL DEFAULT 'EUR',
    updated_at       timestamptz NOT NULL
);

CREATE TABLE category (
    id           uuid PRIMARY KEY,
    workspace_id uuid NOT NULL,
    name         text NOT NULL,
    position     integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX category_name ON category (workspace_id, lower(name));

CREATE TABLE product (
    id           uuid PRIMARY KEY,
    workspace_id uuid NOT NULL,
    sku          text NOT NULL,
    name         text NOT NULL,
    description  text,
    image_url    text,
    category_id  uuid REFERENCES category (id) ON DELETE SET NULL,
    active       boolean NOT NULL DEFAULT true,
    unit         text NOT NULL DEFAULT 'pcs',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0
);
-- A SKU names one product per workspace, whatever its letter case ("ab-1" and "AB-1" are one SKU).
CREATE UNIQUE INDEX product_sku ON product (workspace_id, lower(sku));
CREATE INDEX product_category ON product (workspace_id, category_id);

-- The base price of a product in each currency it is sold in, at the currency's scale.
CREATE TABLE product_price (
    product_id   uuid NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    currency     char(3) NOT NULL,
    workspace_id uuid NOT NULL,
    amount       numeric(19, 4) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (product_id, currency)
);

-- What this service knows of customer-service's customers (customer.events): enough to greet them,
-- price for them and refuse blocked or erased ones. Erasure empties the personal columns.
CREATE TABLE customer (
    workspace_id     uuid NOT NULL,
    id               uuid NOT NULL,
    display_name     text,
    language         text,
    currency         char(3),
    discount_percent numeric(5, 2) NOT NULL DEFAULT 0,
    status           text NOT NULL DEFAULT 'NEW',
    erased_at        timestamptz,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- A customer's own prices: a percentage off a product or a whole category, or a fixed price of a
-- product in one currency (currency set, amount set; percent rows have neither).
CREATE TABLE price_modifier (
    id           uuid PRIMARY KEY,
    workspace_id uuid NOT NULL,
    customer_id  uuid NOT NULL,
    target_type  text NOT NULL CHECK (target_type IN ('PRODUCT', 'CATEGORY')),
    target_id    uuid NOT NULL,
    percent      numeric(5, 2) CHECK (percent >= 0 AND percent <= 100),
    currency     char(3),
    amount       numeric(19, 4) CHECK (amount >= 0),
    created_at   timestamptz NOT NULL,
    CHECK ((percent IS NOT NULL AND currency IS NULL AND amount IS NULL)
        OR (percent IS NULL AND currency IS NOT NULL AND amount IS NOT NULL))
);
CREATE UNIQUE INDEX price_modifier_target
    ON price_modifier (workspace_id, customer_id, target_type, target_id, coalesce(currency, '*'));

-- Magic links: only the SHA-256 of the token is kept, so a copy of this table opens no page.
CREATE TABLE quick_order_link (
    id           uuid PRIMARY KEY,
    workspace_id uuid NOT NULL,
    customer_id  uuid NOT NULL,
    token_hash   bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_opened_at timestamptz
);
CREATE UNIQUE INDEX quick_order_link_token ON quick_order_link (token_hash);
-- one working link per customer: regenerating revokes the old one in the same transaction
CREATE UNIQUE INDEX quick_order_link_current ON quick_order_link (workspace_id, customer_id) WHERE revoked_at IS NULL;

-- Order numbers people read out on the phone: consecutive per workspace.
CREATE TABLE order_number (
    workspace_id uuid PRIMARY KEY,
    last_number  bigint NOT NULL
);

CREATE TABLE customer_order (
    id              uuid PRIMARY KEY,
    workspace_id    uuid NOT NULL,
    number          bigint NOT NULL,
    customer_id     uuid NOT NULL,
    link_id         uuid NOT NULL,
    idempotency_key text NOT NULL,
    status          text NOT NULL,
    currency        char(3) NOT NULL,
    total           numeric(19, 4) NOT NULL,
    note            text,
    language        text NOT NULL,
    placed_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0
);
-- The form's idempotency key: a double click or a retried POST finds the order the first one made.
CREATE UNIQUE INDEX customer_order_idempotency ON customer_order (workspace_id, link_id, idempotency_key);
CREATE UNIQUE INDEX customer_order_number ON customer_order (workspace_id, number);
CREATE INDEX customer_order_list ON customer_order (workspace_id, placed_at DESC, id DESC);
CREATE INDEX customer_order_customer ON customer_order (workspace_id, customer_id, placed_at DESC);

CREATE TABLE order_line (
    order_id        uuid NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no         integer NOT NULL,
    product_id      uuid NOT NULL,
    sku             text NOT NULL,
    name            text NOT NULL,
    unit            text NOT NULL,
    quantity        integer NOT NULL CHECK (quantity > 0),
    base_unit_price numeric(19, 4) NOT NULL,
    unit_price      numeric(19, 4) NOT NULL,
    line_total      numeric(19, 4) NOT NULL,
    price_rule      text NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_status_change (
    order_id    uuid NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL,
    reason      text,
    PRIMARY KEY (order_id, seq)
);
