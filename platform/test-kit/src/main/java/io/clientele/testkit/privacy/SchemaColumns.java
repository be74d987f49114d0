package io.clientele.testkit.privacy;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The columns a PostgreSQL service's database really has after its migrations ran, as
 * {@code schema.table.column}: what a service's personal-data classification is compared with, so that a
 * column added by a migration without a word on what erasure does to it fails the build.
 */
public final class SchemaColumns {

    private SchemaColumns() {
    }

    /** Every column of every base table (not views) in the schemas given, sorted. */
    public static List<String> of(JdbcTemplate jdbc, String... schemas) {
        return jdbc.queryForList("""
                SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = ANY (?) AND t.table_type = 'BASE TABLE'
                ORDER BY 1""", String.class, (Object) schemas);
    }
}
