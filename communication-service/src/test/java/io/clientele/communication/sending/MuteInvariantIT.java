package io.clientele.communication.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import io.clientele.communication.TestProviders;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The invariant behind M-1 and M-3 under concurrency: while many messages are being sent to one
 * customer (through the API and in bursts of commands), staff mute and unmute, unsubscribe and subscribe
 * again. Once a mute has answered, nothing
 * reaches the SMTP server or the SMS provider for that customer until the unmute; once an unsubscribe
 * has answered, no marketing message does. Each window waits until the senders have visibly been
 * refused inside it, so the windows really overlap with sending.
 */
@CommunicationIT
class MuteInvariantIT {

    static final int SENDERS = 4;
    static final int ROUNDS = 6;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void aSubscribedCustomer() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer().withPhone("+420605" + String.format("%06d", (int) (Math.random() * 1_000_000)));
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
    }

    @Test
    void nothingLeavesAfterAMuteAnsweredAndNoMarketingAfterAnUnsubscribeAnswered() throws Exception {
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 1);
        List<Future<?>> running = new ArrayList<>();
        // Commands in bursts too: they make full batches, and so the longest gap between the policy reading
        // the preferences and the hand-off being registered, which is where a mute could slip in.
        running.add(senders.submit(() -> {
            try (io.clientele.communication.Commands commands = new io.clientele.communication.Commands(bootstrap, workspace)) {
                while (sending.get()) {
                    for (int i = 0; i < 40; i++) {
                        int n = sequence.incrementAndGet();
                        String category = n % 2 == 0 ? "MARKETING" : "TRANSACTIONAL";
                        commands.publishAsync(commands.inline(jana.id(), "inv-" + n, "EMAIL", category, category + " " + n,
                                "Message " + n));
                        requested.add("inv-" + n);
                    }
                    commands.flush();
                    Thread.sleep(250);
                }
            }
            return null;
        }));
        for (int s = 0; s < SENDERS; s++) {
            running.add(senders.submit(() -> {
                while (sending.get()) {
                    int n = sequence.incrementAndGet();
                    boolean sms = n % 5 == 0;
                    String category = n % 2 == 0 ? "MARKETING" : "TRANSACTIONAL";
                    Map<String, Object> content = sms ? Map.of("text", "Message " + n)
                            : Map.of("subject", category + " " + n, "text", "Message " + n);
                    staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", sms ? "SMS" : "EMAIL",
                            "category", category, "content", content, "requestId", "inv-" + n))
                            .expectStatus().isAccepted();
                    requested.add("inv-" + n);
                }
                return null;
            }));
        }
        List<String> violations = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> sent() >= 20);
            for (int round = 0; round < ROUNDS; round++) {
                // --- muted: nothing at all may leave ---
                long skippedBefore = skipped();
                staff.post("/api/v1/preferences/{id}/mute", null, jana.id()).expectStatus().isOk();
                int emails = Mailbox.to(jana.email()).size();
                int texts = smsCalls();
                await().atMost(Duration.ofSeconds(30)).until(() -> skipped() > skippedBefore + 2);
                if (Mailbox.to(jana.email()).size() != emails || smsCalls() != texts) {
                    violations.add("round " + round + ": " + (Mailbox.to(jana.email()).size() - emails) + " e-mail(s) and "
                            + (smsCalls() - texts) + " SMS left while muted");
                }
                staff.post("/api/v1/preferences/{id}/unmute", null, jana.id()).expectStatus().isOk();
                long sentBefore = sent();
                await().atMost(Duration.ofSeconds(30)).until(() -> sent() > sentBefore + 2);

                // --- unsubscribed: no marketing may leave ---
                long marketingSkippedBefore = skipped();
                staff.post("/api/v1/preferences/{id}/unsubscribe", null, jana.id()).expectStatus().isOk();
                int marketing = marketingEmails();
                await().atMost(Duration.ofSeconds(30)).until(() -> skipped() > marketingSkippedBefore + 2);
                if (marketingEmails() != marketing) {
                    violations.add("round " + round + ": " + (marketingEmails() - marketing)
                            + " marketing e-mail(s) left while unsubscribed");
                }
                staff.post("/api/v1/preferences/{id}/subscribe", null, jana.id()).expectStatus().isOk();
                long sentAgain = sent();
                await().atMost(Duration.ofSeconds(30)).until(() -> sent() > sentAgain + 2);
            }
        } finally {
            sending.set(false);
            for (Future<?> sender : running) {
                sender.get();
            }
            senders.shutdown();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> waiting() == 0);
        assertThat(violations).isEmpty();
        Map<String, Long> byState = byState();
        long total = requested.size();
        assertThat(byState.getOrDefault("SENT", 0L) + byState.getOrDefault("SKIPPED", 0L)).isEqualTo(total);
        assertThat(byState.getOrDefault("SKIPPED", 0L)).isGreaterThanOrEqualTo(ROUNDS * 6L);
        // Every message that was sent arrived once, and nothing else arrived.
        List<MimeMessage> arrived = Mailbox.to(jana.email());
        Set<String> ids = new HashSet<>();
        arrived.forEach(m -> ids.add(Mailbox.header(m, "Message-ID")));
        assertThat(ids).hasSize(arrived.size());
        assertThat((long) arrived.size() + smsCalls()).isEqualTo(byState.get("SENT"));
        assertThat(skipReasons()).isSubsetOf("muted", "unsubscribed");
    }

    long sent() {
        return byState().getOrDefault("SENT", 0L);
    }

    long skipped() {
        return byState().getOrDefault("SKIPPED", 0L);
    }

    long waiting() {
        Map<String, Long> states = byState();
        return states.getOrDefault("PLANNED", 0L) + states.getOrDefault("DEFERRED", 0L) + states.getOrDefault("SENDING", 0L);
    }

    @SuppressWarnings("unchecked")
    Map<String, Long> byState() {
        List<Map<String, Object>> counts = staff.get("/api/v1/messages/counts?customerId={id}", jana.id())
                .expectStatus().isOk().returnResult(List.class).getResponseBody();
        Map<String, Long> byState = new java.util.HashMap<>();
        counts.forEach(c -> byState.merge((String) c.get("state"), ((Number) c.get("count")).longValue(), Long::sum));
        return byState;
    }

    @SuppressWarnings("unchecked")
    Set<String> skipReasons() {
        Set<String> reasons = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> page = staff.json("/api/v1/messages?customerId={id}&state=SKIPPED&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor), jana.id());
            ((List<Map<String, Object>>) page.get("items")).forEach(m -> reasons.add((String) m.get("reasonCode")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return reasons;
    }

    int marketingEmails() {
        return (int) Mailbox.to(jana.email()).stream()
                .filter(m -> "MARKETING".equals(Mailbox.header(m, "X-Clientele-Category"))).count();
    }

    int smsCalls() {
        return TestProviders.sms().findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(jana.phone())))).size();
    }
}
