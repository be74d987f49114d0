package io.clientele.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is checked by Debian's docker-compose ({@code config}, no daemon needed), then read as
 * it resolves: every Clientele service waits for the infrastructure it talks to (databases, broker, mail and
 * SMS stand-ins; not other services, which it reaches through breakers) to be healthy, has a health
 * check of its own and restarts; nothing waits on a service without a health check; no secret has a default.
 */
class ComposeFileTest {

    static final Map<String, String> SECRETS = Map.of("CLIENTELE_JWT_SECRET", "compose-check-jwt-secret-0123456789abcdef",
            "CLIENTELE_DB_PASSWORD", "compose-check-db-password",
            "CLIENTELE_UNSUBSCRIBE_SECRET", "compose-check-unsubscribe-secret-0123456789");

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws Exception {
        Commands.Result config = Commands.run(SECRETS, "docker-compose", "-f", "docker-compose.yml", "config");
        assertThat(config.exit()).as("docker-compose config: " + config.err()).isZero();
        Map<String, Object> resolved = new Yaml().load(config.out());
        return (Map<String, Map<String, Object>>) resolved.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceWaitsForHealthyInfrastructureAndIsHealthCheckedItself() throws Exception {
        Map<String, Map<String, Object>> services = services();

        for (var service : services.entrySet()) {
            String name = service.getKey();
            Map<String, Object> definition = service.getValue();
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) definition
                    .getOrDefault("depends_on", Map.of());
            for (var dependency : dependsOn.entrySet()) {
                if ("service_healthy".equals(dependency.getValue().get("condition"))) {
                    assertThat(services.get(dependency.getKey())).as(name + " waits for " + dependency.getKey()
                            + " to be healthy, which needs a health check").containsKey("healthcheck");
                }
            }
            if (!String.valueOf(definition.get("image")).startsWith("clientele/")) {
                continue;
            }
            assertThat(definition).as(name).containsKeys("healthcheck", "restart", "build");
            Map<String, Object> environment = (Map<String, Object>) definition.getOrDefault("environment", Map.of());
            for (String other : services.keySet()) {
                if (String.valueOf(services.get(other).get("image")).startsWith("clientele/")) {
                    continue; // services reach each other through breakers and retries; they start on their own
                }
                boolean talksTo = environment.values().stream().map(String::valueOf)
                        .anyMatch(value -> value.contains("//" + other + ":") || value.startsWith(other + ":"));
                if (talksTo && !other.equals(name)) {
                    assertThat(dependsOn).as(name + " talks to " + other + " and waits for it").containsKey(other);
                    if (services.get(other).containsKey("healthcheck")) {
                        assertThat(dependsOn.get(other)).as(name + " -> " + other)
                                .containsEntry("condition", "service_healthy");
                    }
                }
            }
        }
    }

    @Test
    void everyServiceDeployedToKubernetesAlsoRunsInCompose() throws Exception {
        Map<String, Map<String, Object>> services = services();
        try (Stream<Path> dirs = Files.list(KubernetesManifestsTest.K8S)) {
            List<String> deployed = dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).toList();

            assertThat(services.keySet()).containsAll(deployed);
        }
    }

    @Test
    void noSecretHasADefaultInTheFile() throws Exception {
        for (String secret : SECRETS.keySet()) {
            Map<String, String> others = new java.util.HashMap<>(SECRETS);
            others.remove(secret);

            Commands.Result config = Commands.run(others, "docker-compose", "-f", "docker-compose.yml", "config", "-q");

            assertThat(config.exit()).as("config without " + secret).isNotZero();
            assertThat(config.err()).contains(secret);
        }
    }
}
