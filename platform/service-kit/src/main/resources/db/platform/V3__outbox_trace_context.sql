-- The trace an event belongs to (W3C traceparent of the request or consumer that wrote it): the relay sends
-- it as the Kafka record's traceparent header, so the consumer's work joins the producer's trace
-- (docs/operations.md, Traces). Nullable: rows written before, and events raised outside any trace, have none.
-- Expand only: the previous version neither reads nor writes it.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
