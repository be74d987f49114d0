package io.clientele.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * The service's classification and its database agree, column for column: a column a migration added
     * without a word in the service's {@code PersonalData}, or a line there for a column that is gone, fails.
     *
     * @param atLeast how many columns the schemas have at the least (a scan that finds nothing proves nothing)
     */
    public static void assertClassified(JdbcTemplate jdbc, List<String> classified, int atLeast) {
        List<String> inTheDatabase = of(jdbc, "public", "platform");

        assertThat(inTheDatabase).hasSizeGreaterThan(atLeast);
        assertThat(inTheDatabase).as("columns nobody classified: say in PersonalData whether they hold personal data"
                + " and what erasure does to them").isSubsetOf(classified);
        assertThat(classified).as("columns PersonalData names that the schema does not have")
                .isSubsetOf(inTheDatabase);
    }
}
