package io.clientele.scenario.timers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A database of its own on a PostgreSQL server, for scenario-service instances started as separate processes (each
 * migrates it on start; Flyway's lock lets one of them do it); dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    public final String url;
    public final String user;
    public final String password;
    private final String adminUrl;
    private final String name;

    private ScratchDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    /** @param adminUrl any database on the server, to create the new one from */
    public static ScratchDatabase create(String adminUrl, String user, String password, String name) {
        ScratchDatabase database = new ScratchDatabase(adminUrl, user, password, name);
        database.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password));
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " on " + adminUrl + " failed", failure);
        }
    }
}
