-- A customer's reservations are read by workspace and customer (history, figures). With both in one
-- index the plan no longer depends on table statistics: without them (a table grown since its last
-- ANALYZE) the planner combined the customer's index with the whole workspace's range of
-- reservation_per_partner, 54 ms instead of 0.1 ms at 150,000 reservations. The customer stays the
-- leading column, so lookups by customer alone (the REGULAR count) keep using it.
DROP INDEX reservation_by_customer;
CREATE INDEX reservation_by_customer ON reservation (customer_id, workspace_id, starts_at DESC);
