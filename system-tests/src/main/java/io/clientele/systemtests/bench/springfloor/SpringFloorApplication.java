package io.clientele.systemtests.bench.springfloor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search benchmark's second floor: the least a Spring Boot service does to answer a search. Spring
 * MVC on Tomcat, HikariCP, {@code JdbcTemplate} and Jackson with Boot's defaults, and nothing else: no
 * security, no actuator, no metrics, no service code. {@code GET /<n>} runs the n-th statement of the
 * file named by the property {@code floor.statements} ({@code FLOOR_STATEMENTS}; one statement per line)
 * and returns its rows as JSON objects.
 *
 * <p>Between the plain-socket {@code FloorServer} and customer-service, it tells what the framework
 * itself costs on this machine from what the service adds on top of it.
 */
@SpringBootApplication
public class SpringFloorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpringFloorApplication.class);
        application.setDefaultProperties(Map.of(
                // the service's session setting, so that its sessions and the floor's are alike
                "spring.datasource.hikari.connection-init-sql", "SET plan_cache_mode = force_custom_plan",
                "spring.main.banner-mode", "off"));
        application.run(args);
    }

    @RestController
    static class Statements {

        private final JdbcTemplate jdbc;
        private final List<String> statements;

        Statements(JdbcTemplate jdbc, Environment environment) throws IOException {
            this.jdbc = jdbc;
            this.statements = Files.readAllLines(Path.of(environment.getRequiredProperty("floor.statements")));
        }

        /**
         * As a plain statement, as psql sends it: parsed and planned on every run. (Prepared, a statement
         * without parameters keeps its plan, and the floor would skip the planning that psql and the
         * service pay for every search.)
         */
        @GetMapping("/{n}")
        List<Map<String, Object>> run(@PathVariable int n) {
            return jdbc.queryForList(statements.get(n));
        }

        @GetMapping("/ready")
        Map<String, String> ready() {
            return Map.of("status", "UP");
        }
    }
}
