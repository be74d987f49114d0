-- C-13 and C-10 for quick orders: what customer-service keeps of order-link-service's order.events, one row
-- per order, enough for the overview's order count and turnover per currency. Numbered 9.1 so that it
-- stays clear of other migrations written at the same time.
CREATE TABLE customer_order (
    workspace_id      uuid           NOT NULL,
    order_id          uuid           NOT NULL,
    customer_id       uuid           NOT NULL,
    number            bigint         NOT NULL,
    status            varchar(20)    NOT NULL,
    currency          char(3)        NOT NULL,
    total             numeric(19, 4) NOT NULL,
    placed_at         timestamptz,
    status_changed_at timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, order_id)
);
CREATE INDEX customer_order_by_customer ON customer_order (workspace_id, customer_id);
