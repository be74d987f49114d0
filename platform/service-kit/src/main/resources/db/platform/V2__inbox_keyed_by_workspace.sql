-- Event ids are chosen by producers, partners among them: the inbox remembers an event by the workspace
-- it belongs to as well, so that an id used in one workspace never makes another workspace's event look
-- applied (issue 13, item 1).
-- Rows written before this migration had no workspace: they take the nil UUID, which no workspace has.
-- They stop matching anything (a redelivery of such an old event would be applied again), and retention
-- deletes them like any other row; the default is dropped at once so that no new row can lack a workspace.
ALTER TABLE inbox_event ADD COLUMN workspace_id UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
ALTER TABLE inbox_event ALTER COLUMN workspace_id DROP DEFAULT;
ALTER TABLE inbox_event DROP CONSTRAINT inbox_event_pkey;
ALTER TABLE inbox_event ADD PRIMARY KEY (consumer, workspace_id, event_id);
