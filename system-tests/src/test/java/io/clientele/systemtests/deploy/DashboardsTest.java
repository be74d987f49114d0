package io.clientele.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards (deploy/grafana/dashboards) and Prometheus' configuration stay true to the code: every
 * Clientele metric a panel queries is one a service registers (a renamed meter would leave an empty panel
 * nobody notices), and Prometheus scrapes every service compose runs, on the port it answers on.
 */
class DashboardsTest {

    static final Path DASHBOARDS = Commands.ROOT.resolve("deploy/grafana/dashboards");
    /** A Clientele meter as Prometheus names it, without the suffixes Micrometer adds. */
    static final Pattern QUERIED = Pattern.compile(
            "\\b(clientele_[a-z0-9_]+?)(_total|_seconds_bucket|_seconds_count|_seconds_sum|_seconds_max|_seconds)?\\b");
    static final Pattern REGISTERED = Pattern.compile("\"(clientele\\.[a-z0-9_.-]+)\"");

    @Test
    void everyClienteleMetricADashboardQueriesIsRegisteredBySomeService() throws IOException {
        Set<String> registered = registeredMeters();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            dashboards = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(dashboards).isNotEmpty();
        for (Path dashboard : dashboards) {
            JsonNode json = JsonMapper.builder().build().readTree(dashboard.toFile());
            List<String> queries = new ArrayList<>();
            json.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asString())));
            assertThat(queries).as(dashboard.toString()).isNotEmpty();
            for (String query : queries) {
                Matcher metric = QUERIED.matcher(query);
                while (metric.find()) {
                    assertThat(registered).as("%s queries %s in: %s", dashboard.getFileName(), metric.group(), query)
                            .contains(metric.group(1));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceComposeRuns() throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(Commands.ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Set<String> targets = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
            for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) group.get("targets"));
            }
        }
        Set<String> expected = new TreeSet<>();
        for (var service : ComposeFileTest.services().entrySet()) {
            if (String.valueOf(service.getValue().get("image")).startsWith("clientele/")) {
                // docker-compose config writes a port as {published=8081, target=8081}; the container's is the target
                Object port = ((List<Object>) service.getValue().get("ports")).getFirst();
                String target = port instanceof Map<?, ?> mapping ? String.valueOf(mapping.get("target"))
                        : String.valueOf(port).substring(String.valueOf(port).lastIndexOf(':') + 1);
                expected.add(service.getKey() + ":" + target);
            }
        }
        assertThat(targets).isEqualTo(expected);
    }

    /** Every meter name a service's or kit's main code registers, as Prometheus spells it. */
    static Set<String> registeredMeters() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Commands.ROOT)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher literal = REGISTERED.matcher(Files.readString(source));
                while (literal.find()) {
                    names.add(literal.group(1).replace('.', '_').replace('-', '_'));
                }
            }
        }
        return names;
    }
}
