package io.clientele.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, added with the lowest precedence so a service's own
 * {@code application.yml}, the environment and the command line all override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "clienteleServiceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Health: liveness and readiness groups for Kubernetes probes, details only for operators.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.info.env.enabled", "true");
        // Spring Security observes every filter of every request: costly on each call and noise in
        // traces; the request observation (http.server.requests) already covers what matters.
        defaults.put("management.observations.enable.spring.security", "false");
        // Traces (docs/operations.md): every request and event traced on a developer's machine and in tests;
        // deployments set MANAGEMENT_TRACING_SAMPLING_PROBABILITY. Spans go to Zipkin at
        // management.tracing.export.zipkin.endpoint (localhost:9411 unless set); without one they are dropped.
        defaults.put("management.tracing.sampling.probability", "1.0");
        // The gateway's request id comes along with each request (X-Request-Id) and is put in every log line
        // of the work it causes, beside the trace and span ids.
        defaults.put("management.tracing.baggage.remote-fields", "X-Request-Id");
        defaults.put("management.tracing.baggage.correlation.fields", "X-Request-Id");
        // API behaviour: problem documents, and a request with a misspelt field is refused, not half-read.
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.kafka.producer.acks", "all");
        // Topics are declared at start-up; an unreachable broker must delay that by seconds, not minutes
        // (the outbox keeps every event until Kafka is back).
        defaults.put("spring.kafka.admin.operation-timeout", "5s");
        defaults.put("spring.kafka.admin.properties.default.api.timeout.ms", "5000");
        defaults.put("spring.kafka.admin.properties.request.timeout.ms", "5000");
        // Kafka's clients log at INFO a page of configuration for every client they create, and a line
        // per retry while a broker is unreachable: measured here, 4,000-6,000 lines a minute from the
        // binder's admin clients alone for as long as Kafka was down. Their warnings and errors say
        // what operators need; Spring Kafka's own INFO lines (partitions assigned, ...) stay.
        defaults.put("logging.level.org.apache.kafka", "WARN");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
