package io.clientele.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.platform.kit.KitIntegrationTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform migration that keys the inbox by workspace runs on a database that already has entries. */
@KitIntegrationTest
class InboxMigrationIT {

    @Autowired
    DataSource dataSource;

    @Test
    void entriesWrittenBeforeTheWorkspaceColumnSurviveTheMigrationAndNewOnesNeedAWorkspace() {
        String schema = "inbox_upgrade_" + UUID.randomUUID().toString().replace("-", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        platformMigrations(schema).target("1").load().migrate();
        jdbc.update("INSERT INTO " + schema + ".inbox_event (consumer, event_id) VALUES ('reader', 'old-event')");

        platformMigrations(schema).load().migrate();

        assertThat(jdbc.queryForObject("SELECT workspace_id FROM " + schema + ".inbox_event WHERE event_id = 'old-event'",
                UUID.class)).isEqualTo(new UUID(0, 0));
        assertThatThrownBy(() -> jdbc.update("INSERT INTO " + schema + ".inbox_event (consumer, event_id)"
                + " VALUES ('reader', 'no-workspace')")).isInstanceOf(DataIntegrityViolationException.class);
        UUID workspace = UUID.randomUUID();
        String again = "INSERT INTO " + schema + ".inbox_event (consumer, workspace_id, event_id) VALUES ('reader', ?, 'old-event')"
                + " ON CONFLICT DO NOTHING";
        assertThat(jdbc.update(again, workspace)).isEqualTo(1);
        assertThat(jdbc.update(again, workspace)).isZero();
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration platformMigrations(String schema) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/platform");
    }
}
