CREATE TABLE demo_state (
    id    UUID PRIMARY KEY,
    label TEXT NOT NULL
);
