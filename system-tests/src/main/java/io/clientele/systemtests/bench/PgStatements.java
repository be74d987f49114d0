package io.clientele.systemtests.bench;

/**
 * The statements that took the database's time, from pg_stat_statements where the server loads it
 * ({@code shared_preload_libraries}); otherwise says so. Reset before a phase, read after it.
 */
final class PgStatements {

    private PgStatements() {
    }

    /** @return null when the extension can be used (and was reset), else why not */
    static String reset(Psql psql) {
        try {
            psql.run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\nSELECT pg_stat_statements_reset();\n");
            return null;
        } catch (Exception unavailable) {
            return "pg_stat_statements is not loaded on this server (shared_preload_libraries), so no statement figures.";
        }
    }

    /** The eight statements with the most execution time since the reset, as a Markdown table. */
    static String top(Psql psql, String unavailable) throws Exception {
        if (unavailable != null) {
            return unavailable;
        }
        String rows = psql.value("""
                SELECT string_agg(format('| %s | %s | %s | %s |', calls, round(total_exec_time::numeric),
                       round(mean_exec_time::numeric, 3), replace(left(regexp_replace(query, '\\s+', ' ', 'g'), 110), '|', '/')),
                       E'\\n' ORDER BY total_exec_time DESC)
                FROM (SELECT * FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      ORDER BY total_exec_time DESC LIMIT 8) s""");
        return "Statements by execution time while the backlog was applied (pg_stat_statements):\n\n"
                + "| calls | total ms | mean ms | statement |\n|---:|---:|---:|---|\n" + rows;
    }
}
