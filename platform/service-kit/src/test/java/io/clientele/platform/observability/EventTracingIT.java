package io.clientele.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.platform.kit.KitTestApplication.DemoService;
import io.clientele.platform.kit.TopicReader;
import io.clientele.platform.messaging.BatchConsumers;
import io.clientele.testkit.tokens.TestTokens;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The trace of a request goes with the events it raises: stored with the outbox row, sent by the relay's
 * producer span in the record's traceparent header, and continued by the consumer kit's span, inside which
 * the consumer's work runs.
 */
@KitIntegrationTest
@Import(EventTracingIT.FinishedSpans.class)
class EventTracingIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    BatchConsumers consumers;
    @Autowired
    Tracer tracer;
    @Autowired
    FinishedSpans finished;

    @Test
    void anEventLeavesWithTheTraceOfTheRequestThatRaisedItAndItsConsumerContinuesIt() throws Exception {
        String traceId = hex(16);
        String callerSpan = hex(8);
        UUID workspace = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(bootstrap, DemoService.TOPIC)) {
            HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/demo/state?label=traced"))
                    .header("Authorization", "Bearer " + TestTokens.staff(workspace))
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll()
                    .stream().filter(r -> r.value().contains(workspace.toString())).findFirst().orElse(null),
                    r -> r != null);
            String sent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            String[] sentParts = sent.split("-");
            assertThat(sentParts[1]).as("the record carries the request's trace").isEqualTo(traceId);
            MutableSpan producer = await().atMost(Duration.ofSeconds(10)).until(() -> finished.withId(sentParts[2]),
                    s -> s != null);
            assertThat(producer.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
            assertThat(producer.name()).isEqualTo("demo.events send");
            assertThat(producer.remoteServiceName()).isEqualTo("kafka");

            // the consumer kit, handed the record the way the Kafka binder hands a batch
            List<io.micrometer.tracing.TraceContext> seenByHandler = new CopyOnWriteArrayList<>();
            Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(record.value().getBytes(StandardCharsets.UTF_8)))
                    .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(Map.of("traceparent",
                            sent.getBytes(StandardCharsets.UTF_8))))
                    .build();
            consumers.<String>of(DemoService.TOPIC, bytes -> new String(bytes, StandardCharsets.UTF_8),
                    events -> seenByHandler.add(tracer.currentSpan().context())).accept(batch);

            assertThat(seenByHandler).hasSize(1);
            io.micrometer.tracing.TraceContext work = seenByHandler.getFirst();
            assertThat(work.traceId()).as("the consumer's work is in the same trace").isEqualTo(traceId);
            MutableSpan process = await().atMost(Duration.ofSeconds(10)).until(() -> finished.withId(work.spanId()),
                    s -> s != null);
            assertThat(process.name()).isEqualTo("demo.events process");
            MutableSpan receive = finished.withId(process.parentId());
            assertThat(receive).as("the work's span is inside the consumer's span").isNotNull();
            assertThat(receive.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
            assertThat(receive.parentId()).as("the consumer's span is a child of the producer's").isEqualTo(producer.id());
        }
    }

    @Test
    void recordsOfSeveralTracesAreAppliedInATraceOfTheirOwnAndEachIsReceivedInItsOwn() {
        String first = "00-" + hex(16) + "-" + hex(8) + "-01";
        String second = "00-" + hex(16) + "-" + hex(8) + "-01";
        List<io.micrometer.tracing.TraceContext> seenByHandler = new CopyOnWriteArrayList<>();
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of("a".getBytes(StandardCharsets.UTF_8),
                        "b".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(
                        Map.of("traceparent", first.getBytes(StandardCharsets.UTF_8)),
                        Map.of("traceparent", second.getBytes(StandardCharsets.UTF_8))))
                .build();

        consumers.<String>of("mixed.events", bytes -> new String(bytes, StandardCharsets.UTF_8),
                events -> seenByHandler.add(tracer.currentSpan().context())).accept(batch);

        io.micrometer.tracing.TraceContext work = seenByHandler.getFirst();
        assertThat(work.traceId()).isNotIn(first.split("-")[1], second.split("-")[1]);
        assertThat(work.parentId()).as("a root: it belongs to neither").isNull();
        for (String traceparent : List.of(first, second)) {
            String[] parts = traceparent.split("-");
            assertThat(finished.spans()).as("each record's consumer span continues its own trace")
                    .anySatisfy(span -> {
                        assertThat(span.traceId()).isEqualTo(parts[1]);
                        assertThat(span.parentId()).isEqualTo(parts[2]);
                        assertThat(span.name()).isEqualTo("mixed.events receive");
                    });
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Every span this process finishes, as Zipkin would receive it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FinishedSpans extends SpanHandler {

        private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

        @Override
        public boolean end(TraceContext context, MutableSpan span, Cause cause) {
            spans.add(span);
            return true;
        }

        List<MutableSpan> spans() {
            return spans;
        }

        MutableSpan withId(String id) {
            return spans.stream().filter(span -> span.id().equals(id)).findFirst().orElse(null);
        }
    }
}
