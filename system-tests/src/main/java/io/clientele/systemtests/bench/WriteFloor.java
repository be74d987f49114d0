package io.clientele.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A floor for a write-heavy benchmark, measured in the same run on the same server: the rows the service
 * wrote, written again by a plain batched JDBC {@code INSERT} (1,000 rows a batch, multi-row statements as
 * the service's driver sends them) into empty copies of the same tables with the same indexes. Machines of
 * one kind differ; the ratio of the service to this floor is what should hold from one to the next.
 */
final class WriteFloor {

    /** @param seconds time spent in the inserts alone (reading the rows back is not counted) */
    record Result(long rows, double seconds, String tables) {
    }

    private WriteFloor() {
    }

    /**
     * Copies every row of {@code tables} (qualified names) into {@code floor_<name>} clones ({@code LIKE ...
     * INCLUDING ALL}: columns, defaults, indexes, no foreign keys), then drops the clones.
     */
    static Result measure(String database, List<String> tables) throws Exception {
        long rows = 0;
        long nanos = 0;
        List<String> counts = new ArrayList<>();
        try (Connection read = connect(database); Connection write = connect(database)) {
            read.setAutoCommit(false);
            for (String table : tables) {
                String clone = "floor_" + table.replace('.', '_');
                try (Statement ddl = write.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS " + clone);
                    ddl.execute("CREATE TABLE " + clone + " (LIKE " + table + " INCLUDING ALL)");
                }
                long tableRows = 0;
                // generated columns (search_text and the like) are computed by the insert, as for the service
                String columnList = String.join(", ", writableColumns(write, table));
                try (Statement select = read.createStatement()) {
                    select.setFetchSize(10_000);
                    try (ResultSet rs = select.executeQuery("SELECT " + columnList + " FROM " + table)) {
                        ResultSetMetaData meta = rs.getMetaData();
                        int columns = meta.getColumnCount();
                        StringBuilder insert = new StringBuilder("INSERT INTO " + clone + " (" + columnList + ") VALUES (");
                        for (int c = 1; c <= columns; c++) {
                            insert.append(c == 1 ? "?" : ", ?");
                            if (meta.getColumnTypeName(c).equals("jsonb")) {
                                insert.append("::jsonb");
                            }
                        }
                        insert.append(")");
                        List<Object[]> chunk = new ArrayList<>();
                        while (true) {
                            boolean more = rs.next();
                            if (more) {
                                Object[] row = new Object[columns];
                                for (int c = 1; c <= columns; c++) {
                                    row[c - 1] = meta.getColumnTypeName(c).equals("jsonb") ? rs.getString(c) : rs.getObject(c);
                                }
                                chunk.add(row);
                            }
                            if (chunk.size() == 10_000 || !more && !chunk.isEmpty()) {
                                nanos += insert(write, insert.toString(), chunk);
                                tableRows += chunk.size();
                                chunk.clear();
                            }
                            if (!more) {
                                break;
                            }
                        }
                    }
                }
                read.commit();
                rows += tableRows;
                counts.add(String.format(Locale.ROOT, "%s %,d", table, tableRows));
                try (Statement ddl = write.createStatement()) {
                    ddl.execute("DROP TABLE " + clone);
                }
            }
        }
        return new Result(rows, nanos / 1e9, String.join(", ", counts));
    }

    /** @return nanoseconds the inserts took, committed in transactions of 1,000 rows as the service's batches */
    private static long insert(Connection write, String sql, List<Object[]> rows) throws Exception {
        long started = System.nanoTime();
        write.setAutoCommit(false);
        try (PreparedStatement statement = write.prepareStatement(sql)) {
            int inBatch = 0;
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    statement.setObject(c + 1, row[c]);
                }
                statement.addBatch();
                if (++inBatch == 1_000) {
                    statement.executeBatch();
                    write.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                statement.executeBatch();
                write.commit();
            }
        }
        write.setAutoCommit(true);
        return System.nanoTime() - started;
    }

    /** The columns an INSERT may name: every one but the generated ones, in table order, quoted. */
    private static List<String> writableColumns(Connection connection, String table) throws Exception {
        String[] parts = table.contains(".") ? table.split("\\.", 2) : new String[] {"public", table};
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = ? AND table_name = ? AND is_generated = 'NEVER'
                 ORDER BY ordinal_position""")) {
            query.setString(1, parts[0]);
            query.setString(2, parts[1]);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add('"' + rs.getString(1) + '"');
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no table " + table);
        }
        return columns;
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database
                + "?reWriteBatchedInserts=true", "postgres", "");
    }
}
