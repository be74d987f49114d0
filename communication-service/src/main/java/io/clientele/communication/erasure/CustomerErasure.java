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
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
        contacts.erase(customer, erasedAt);
        scrub(customer);
        mongo.upsert(new Query(Criteria.where("_id").is(customer.key())), new Update()
                .setOnInsert("workspaceId", customer.workspaceId().toString())
                .setOnInsert("customerId", customer.customerId().toString())
                .setOnInsert("erasedAt", erasedAt)
                .set("again", clock.instant().plus(again)), COLLECTION);
        meters.counter("clientele.erasures").increment();
    }

    /** The second pass, once no sender that read the contact before the erasure can still be writing. */
    @Scheduled(fixedDelayString = "${clientele.communication.erasure.check-interval:PT1M}")
    void eraseAgainWhenDue() {
        for (Document due : mongo.find(new Query(Criteria.where("again").lte(clock.instant())).limit(500), Document.class,
                COLLECTION)) {
            try {
                CustomerRef customer = CustomerRef.of(due.getString("workspaceId"), due.getString("customerId"));
                scrub(customer);
                mongo.updateFirst(new Query(Criteria.where("_id").is(due.get("_id"))), new Update().unset("again")
                        .set("completedAt", clock.instant()), COLLECTION);
            } catch (RuntimeException failure) {
                log.warn("Second erasure pass of {} failed; tried again later: {}", due.get("_id"), failure.toString());
            }
        }
    }

    private void scrub(CustomerRef customer) {
        preferences.erase(customer);
        List<Object> documents = new ArrayList<>(messages.erase(customer, message -> new MessageEvents.MessageSkipped(
                message, null, "customer-erased", "The customer was erased", clock.instant())));
        documents.add(customer.key());
        // Events Kafka refused for good, set aside for operators with their payload: the customer's go too.
        mongo.remove(new Query(Criteria.where("key").is(customer.customerId().toString()).and("documentId")
                .in(documents)), MongoOutboxStore.FAILED);
    }
}
