package io.clientele.platform.outbox;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Migrates the platform's own tables (outbox, inbox) in schema {@code platform} with their own history,
 * then the service's migrations: platform and service versions never interleave.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
public class PlatformSchemaAutoConfiguration {

    public static final String SCHEMA = "platform";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformSchemaFirst() {
        return serviceMigrations -> {
            Flyway.configure(serviceMigrations.getConfiguration().getClassLoader())
                    .dataSource(serviceMigrations.getConfiguration().getDataSource())
                    .schemas(SCHEMA)
                    .createSchemas(true)
                    .locations("classpath:db/platform")
                    .load()
                    .migrate();
            serviceMigrations.migrate();
        };
    }
}
