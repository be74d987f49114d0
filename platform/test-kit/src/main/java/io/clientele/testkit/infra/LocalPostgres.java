package io.clientele.testkit.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default for PostgreSQL: the server already running on this machine, with a database
 * made for this test run and dropped when the JVM exits. Databases left behind by a run that was
 * killed are dropped by a later run once they are a day old.
 */
public final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String PREFIX = "clientele_test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private LocalPostgres() {
    }

    /** A fresh database on the server reached through {@code adminUrl} (any existing database there). */
    public static Infrastructure.Postgres throwawayDatabase(String adminUrl, String user, String password) {
        String name = PREFIX + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            dropStale(admin);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot create a test database on " + adminUrl + " as " + user
                    + ". Is PostgreSQL running? (set CRM_POSTGRES_URL to use another server)", failure);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> drop(adminUrl, user, password, name)));
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        log.info("PostgreSQL: throwaway database {} on {}", name, adminUrl);
        return new Infrastructure.Postgres(url, user, password);
    }

    private static void dropStale(Connection admin) throws SQLException {
        String dayAgo = LocalDateTime.now().minusDays(1).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet names = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (names.next()) {
                String stamp = names.getString(1).substring(PREFIX.length()).split("_")[0];
                if (stamp.compareTo(dayAgo) < 0) {
                    stale.add(names.getString(1));
                }
            }
        }
        for (String name : stale) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException failure) {
            log.warn("Could not drop test database {}: {}", name, failure.getMessage());
        }
    }
}
