package io.clientele.communication.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The message state machine's guarantees on the MongoDB the tests run on (the stand-in here, a
 * MongoDB container where Docker exists): one message per request id, one claimer per message
 * however many compete, and moves only by the lease holder. The service's own senders are switched off,
 * so the test's claimers are the only ones.
 */
@CommunicationIT
@TestPropertySource(properties = "clientele.communication.sending.enabled=false")
class MessageStateMachineIT {

    @Autowired
    MessageLog log;
    @Autowired
    MessageQueries queries;

    static Message planned(CustomerRef customer, String requestId, Instant due) {
        Instant now = Instant.now();
        return new Message(UUID.randomUUID(), customer, requestId, "hash", "COMMAND", null, Channel.EMAIL,
                Category.TRANSACTIONAL, Purpose.GENERAL, null, new InlineContent("s", "t", null), TemplateVariables.NONE, null,
                null, null, "s", MessageState.PLANNED, null, null, null, due, null, 0, null, null, null, List.of(), false,
                now, now, null);
    }

    @Test
    void aRequestIdIsStoredOnceInAWorkspaceButMayRepeatInAnother() {
        CustomerRef jana = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
        CustomerRef elsewhere = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());

        MessageLog.InsertResult first = log.insert(List.of(
                new MessageLog.NewMessage(planned(jana, "r-1", Instant.now()), List.of()),
                new MessageLog.NewMessage(planned(jana, "r-1", Instant.now()), List.of()),
                new MessageLog.NewMessage(planned(elsewhere, "r-1", Instant.now()), List.of())));
        MessageLog.InsertResult again = log.insert(List.of(new MessageLog.NewMessage(planned(jana, "r-1", Instant.now()),
                List.of())));

        assertThat(first.inserted()).hasSize(2);
        assertThat(first.existing()).hasSize(1);
        assertThat(again.inserted()).isEmpty();
        assertThat(again.existing().values()).extracting(Message::id).containsExactly(first.inserted().getFirst().id());
    }

    @Test
    void ofManyCompetingClaimersEachMessageGoesToExactlyOne() throws Exception {
        CustomerRef jana = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
        List<MessageLog.NewMessage> planned = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            planned.add(new MessageLog.NewMessage(planned(jana, "claim-" + i, Instant.now().minusSeconds(1)), List.of()));
        }
        List<UUID> ids = log.insert(planned).inserted().stream().map(Message::id).toList();
        Map<UUID, String> owners = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService claimers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String owner = "claimer-" + c;
            done.add(claimers.submit(() -> {
                start.await();
                // Each claimer goes through the messages in its own order, in overlapping chunks.
                List<UUID> order = new ArrayList<>(ids);
                java.util.Collections.shuffle(order);
                for (int from = 0; from < order.size(); from += 20) {
                    for (Message claimed : log.claim(order.subList(from, Math.min(order.size(), from + 40)), owner,
                            Duration.ofMinutes(1))) {
                        if (owners.putIfAbsent(claimed.id(), owner) != null) {
                            doubles.add(claimed.id() + " by " + owner + " and " + owners.get(claimed.id()));
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> claimer : done) {
            claimer.get();
        }
        claimers.shutdown();

        assertThat(doubles).isEmpty();
        assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        queries.findAll(ids).forEach(stored -> assertThat(stored.lease().owner()).isEqualTo(owners.get(stored.id())));
    }

    @Test
    void aMessageThatIsNotDueIsNotClaimedAndASenderWhoseLeaseWasTakenOverCannotMoveIt() {
        CustomerRef jana = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
        Message later = log.insert(List.of(new MessageLog.NewMessage(planned(jana, "later", Instant.now().plusSeconds(3600)),
                List.of()))).inserted().getFirst();
        Message now = log.insert(List.of(new MessageLog.NewMessage(planned(jana, "now", Instant.now().minusSeconds(1)),
                List.of()))).inserted().getFirst();

        assertThat(log.claim(List.of(later.id()), "a", Duration.ofMinutes(1))).isEmpty();
        // Sender a claims with a short lease and stalls; recovery (sender b) takes the message over.
        Message byA = log.claim(List.of(now.id()), "a", Duration.ofMillis(200)).getFirst();
        org.awaitility.Awaitility.await().until(() -> Instant.now().isAfter(byA.lease().until()));
        Message byB = log.takeOver(byA, "b", Duration.ofMinutes(1)).orElseThrow();
        Message.Decision skip = new Message.Decision(Instant.now(), "SKIP", "muted", "muted", List.of(), null, 0, null);

        Set<UUID> storedForA = log.record(List.of(new MessageLog.Transition(byA, MessageState.SKIPPED, "muted", "muted",
                null, null, skip, null, null, null, null, List.of())), Duration.ofMinutes(1));
        Set<UUID> storedForB = log.record(List.of(new MessageLog.Transition(byB, MessageState.SKIPPED, "muted", "muted",
                null, null, skip, null, null, null, null, List.of())), Duration.ofMinutes(1));

        assertThat(storedForA).as("a's lease is gone").isEmpty();
        assertThat(storedForB).containsExactly(now.id());
        assertThat(queries.find(jana.workspaceId(), now.id()).orElseThrow().state()).isEqualTo(MessageState.SKIPPED);
        assertThat(log.takeOver(byB, "c", Duration.ofMinutes(1))).as("final is final").isEmpty();
        assertThat(log.claim(List.of(now.id()), "c", Duration.ofMinutes(1))).isEmpty();
    }
}
