package io.clientele.scenario.timers;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.tokens.TestTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * scenario-service as a separate process, the way it runs in production: {@code ScenarioApplication} from this JVM's
 * class path without the test classes (so nothing of the tests is scanned into it), with the same JDK, on the given
 * database and broker, trusting {@link TestTokens}. Several of them share one database as instances do.
 */
public final class ScenarioInstance {

    private static final Pattern EXECUTED = Pattern.compile(
            "^clientele_scenario_steps_executed_total\\{[^}]*type=\"SEND\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private ScenarioInstance() {
    }

    /**
     * @param settings more environment (Spring's relaxed names: CLIENTELE_SCENARIO_TIMERS_THREADS and so on)
     */
    public static ServiceProcess start(String name, ScratchDatabase database, String bootstrap, Path logs,
            Map<String, String> settings, String... jvmOptions) throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", database.url,
                "SPRING_DATASOURCE_USERNAME", database.user,
                "SPRING_DATASOURCE_PASSWORD", database.password,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "CLIENTELE_SECURITY_JWT_HMAC_SECRET", TestTokens.secret(),
                "CLIENTELE_SECURITY_JWT_JWK_SET_URI", "",
                "CLIENTELE_SCENARIO_TIMERS_INSTANCE_NAME", name));
        environment.putAll(settings);
        // It reads no events: its steps are seeded in its database. Consuming the broker's topics in the service's
        // consumer group would take partitions from the test's own instance, and a killed member keeps them
        // until the group's session times out, so the tests after it would wait for their events.
        String[] options = Stream.concat(Stream.of(
                        "-Dspring.cloud.stream.bindings.customerEvents-in-0.consumer.auto-startup=false",
                        "-Dspring.cloud.stream.bindings.communicationEvents-in-0.consumer.auto-startup=false"),
                Arrays.stream(jvmOptions)).toArray(String[]::new);
        return ServiceProcess.start(serviceClassPath(), "io.clientele.scenario.ScenarioApplication", freePort(),
                environment, logs.resolve("scenario-service-" + name + ".log"), options);
    }

    /** How many send steps the instance ran so far (its own counter, read from /actuator/prometheus). */
    public static long sendsExecuted(ServiceProcess instance) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + instance.port() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = EXECUTED.matcher(metrics.body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String serviceClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
