-- C-4: the list sorts names in the workspace's language (Czech puts C < Č < ... < H < Ch < I, Slovak
-- A < Ä), with PostgreSQL's ICU collations, instead of bytewise on the unaccented name.

-- The collations come with a PostgreSQL built with ICU (pg_collation lists them after initdb). Without
-- them the indexes below cannot exist: say so rather than fail on the first CREATE INDEX.
DO $$
DECLARE
    missing TEXT;
BEGIN
    SELECT string_agg(wanted, ', ') INTO missing
    FROM unnest(ARRAY['cs-x-icu', 'sk-x-icu', 'und-x-icu']) AS wanted
    WHERE NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = wanted AND collprovider = 'i');
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'ICU collations % are missing on this PostgreSQL server', missing
            USING HINT = 'customer-service needs a PostgreSQL built with ICU (as the Debian and official Docker '
                         'packages are); SELECT collname FROM pg_collation WHERE collprovider = ''i'' lists what it has';
    END IF;
END
$$;

-- The name as the list shows it for sorting: last name, then first name; a company without a person's
-- name sorts by the company. Not folded: the collation itself compares accents and case the way the
-- language does (Č is its own letter in Czech, a mere accent in English). A function rather than a
-- stored column: no table rewrite on upgrade, nothing more for every write to store; being a plain
-- SQL function, PostgreSQL inlines it into queries and index definitions alike, so they match.
CREATE FUNCTION clientele_sort_name(last_name TEXT, first_name TEXT, company_name TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(nullif(trim(coalesce(last_name, '') || ' ' || coalesce(first_name, '')), ''), company_name);

-- One keyset index per collation, each ending with the id (page 20,000 costs what page 1 costs). Czech
-- and Slovak tailor the root order; every other language (English, Bulgarian, German...) sorts
-- correctly in the root collation. A collation gets an index only when a language needs one: each
-- costs every insert (the three together about 13 s more than the one bytewise index per million rows
-- imported, measured on the two-core machine).
CREATE INDEX customer_by_name_root ON customer
    (workspace_id, (clientele_sort_name(last_name, first_name, company_name) COLLATE "und-x-icu"), id);
CREATE INDEX customer_by_name_cs ON customer
    (workspace_id, (clientele_sort_name(last_name, first_name, company_name) COLLATE "cs-x-icu"), id);
CREATE INDEX customer_by_name_sk ON customer
    (workspace_id, (clientele_sort_name(last_name, first_name, company_name) COLLATE "sk-x-icu"), id);

-- The bytewise sort key and its index served nothing else.
DROP INDEX customer_by_name;
ALTER TABLE customer DROP COLUMN sort_name;

-- The workspace's language (a BCP 47 tag such as cs or en-GB); NULL until the owner sets one, meaning
-- the service's configured default.
ALTER TABLE workspace_settings ADD COLUMN language VARCHAR(35);
