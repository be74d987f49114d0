package io.clientele.testkit.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ServiceConventions} of a service on PostgreSQL: the database in readiness, the platform tables. */
public interface PostgresServiceConventions extends ServiceConventions {

    /** The service's own JDBC access to its database. */
    JdbcTemplate jdbc();

    @Override
    default Set<String> readinessComponents() {
        return Set.of("readinessState", "db");
    }

    @Test
    default void thePlatformOutboxAndInboxAreMigratedOnStart() {
        for (String table : new String[] {"platform.outbox_event", "platform.inbox_event"}) {
            assertThat(jdbc().queryForObject("SELECT to_regclass(?)::text", String.class, table)).isEqualTo(table);
        }
    }
}
