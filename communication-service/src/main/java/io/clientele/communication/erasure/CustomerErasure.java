package io.clientele.communication.erasure;

import io.clientele.communication.CustomerRef;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.messages.MessageEvents;
import io.clientele.communication.messages.MessageLog;
import io.clientele.communication.preferences.Preferences;
import io.clientele.platform.outbox.mongo.MongoOutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * On {@code customer.erased.v1}: the contact's data goes (the fact of the erasure stays, so late events
 * cannot bring it back), the preferences lose their language and the consent record its notes, every
 * message its content, address, request values and typed subject, and messages still waiting end as SKIPPED;
 * events still waiting in those documents, or set aside as refused by Kafka, go with them. What was
 * sent when, on which channel and why stays: the counts and the proof of consent remain, without the
 * person. A sender that had read the contact just before may still write content after the first pass;
 * the erasure is therefore done once more after a sender's lease has passed.
 */
@Service
public class CustomerErasure {

    static final String COLLECTION = "erasures";
    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    private final Contacts contacts;
    private final Preferences preferences;
    private final MessageLog messages;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration again;
    private final MeterRegistry meters;

    CustomerErasure(Contacts contacts, Preferences preferences, MessageLog messages, MongoTemplate mongo, Clock clock,
            @Value("${clientele.communication.sending.lease:PT2M}") Duration lease, MeterRegistry meters) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.messages = messages;
        this.mongo = mongo;
        this.clock = clock;
        this.again = lease.multipliedBy(2);
        this.meters = meters;
    }

    /** Idempotent: erasing twice changes nothing the second time. */
    public void erase(CustomerRef customer, Instant erasedAt) {
        eraseAll(Map.of(customer, erasedAt));
    }

    /** {@link #erase} for the customers of one batch: each step is one query or one bulk write for all of them. */
    public void eraseAll(Map<CustomerRef, Instant> erasures) {
        if (erasures.isEmpty()) {
            return;
        }
        contacts.eraseAll(erasures);
        scrub(erasures.keySet());
        Instant secondPass = clock.instant().plus(again);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        erasures.forEach((customer, erasedAt) -> bulk.upsert(new Query(Criteria.where("_id").is(customer.key())),
                new Update()
                        .setOnInsert("workspaceId", customer.workspaceId().toString())
                        .setOnInsert("customerId", customer.customerId().toString())
                        .setOnInsert("erasedAt", erasedAt)
                        .set("again", secondPass)));
        bulk.execute();
        meters.counter("clientele.erasures").increment(erasures.size());
    }

    /** The second pass, once no sender that read the contact before the erasure can still be writing. */
    @Scheduled(fixedDelayString = "${clientele.communication.erasure.check-interval:PT1M}")
    void eraseAgainWhenDue() {
        // 500 at a time, until none is due (an undone import makes tens of thousands due at once)
        for (int round = 0; round < 1_000; round++) {
            List<Document> due = mongo.find(new Query(Criteria.where("again").lte(clock.instant())).limit(500),
                    Document.class, COLLECTION);
            if (due.isEmpty()) {
                return;
            }
            try {
                scrub(due.stream().map(d -> CustomerRef.of(d.getString("workspaceId"), d.getString("customerId")))
                        .toList());
                mongo.updateMulti(new Query(Criteria.where("_id").in(due.stream().map(d -> d.get("_id")).toList())),
                        new Update().unset("again").set("completedAt", clock.instant()), COLLECTION);
            } catch (RuntimeException failure) {
                log.warn("Second erasure pass of {} customer(s) failed; tried again later: {}", due.size(),
                        failure.toString());
                return;
            }
            if (due.size() < 500) {
                return;
            }
        }
    }

    private void scrub(Collection<CustomerRef> customers) {
        preferences.eraseAll(customers);
        List<Object> documents = new ArrayList<>(messages.eraseAll(customers, message -> new MessageEvents.MessageSkipped(
                message, null, "customer-erased", "The customer was erased", clock.instant())));
        customers.forEach(customer -> documents.add(customer.key()));
        // Events Kafka refused for good, set aside for operators with their payload: the customers' go too.
        mongo.remove(new Query(Criteria.where("key").in(customers.stream().map(c -> c.customerId().toString()).toList())
                .and("documentId").in(documents)), MongoOutboxStore.FAILED);
    }
}
