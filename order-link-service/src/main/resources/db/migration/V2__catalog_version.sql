-- O-4: the public page caches each workspace's catalog, localized and rendered (orderpage.PageCatalogs), and
-- checks this row on every page. Every change to what the cached part shows (a product, a base price, a
-- category) bumps the workspace's version in the same transaction, by trigger: no write path can forget it
-- (the API, the CSV import, a cascade, an operator's SQL), and an instance sees another instance's edit on
-- its next page. The customer's own state (status, discount, modifiers, links) is not cached and needs no
-- version. Concurrent catalog writes of one workspace queue on this row, as staff edits of one catalog may.
CREATE TABLE catalog_version (
    workspace_id uuid PRIMARY KEY,
    version      bigint NOT NULL
);

CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    workspace uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.workspace_id ELSE NEW.workspace_id END;
BEGIN
    INSERT INTO catalog_version (workspace_id, version) VALUES (workspace, 1)
    ON CONFLICT (workspace_id) DO UPDATE SET version = catalog_version.version + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER product_changes_catalog AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER product_price_changes_catalog AFTER INSERT OR UPDATE OR DELETE ON product_price
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER category_changes_catalog AFTER INSERT OR UPDATE OR DELETE ON category
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_version();
