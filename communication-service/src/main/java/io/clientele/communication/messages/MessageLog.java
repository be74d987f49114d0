package io.clientele.communication.messages;

import com.mongodb.bulk.BulkWriteError;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.messages.MessageDocument.DecisionDoc;
import io.clientele.communication.messages.MessageDocument.LeaseDoc;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.platform.outbox.mongo.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The message state machine: every write to the message log, from planning a message to its end. Each
 * move is a conditional single-document write (on the state it leaves and, while SENDING, on the claimer's
 * lease token) carrying the move's event, so two senders never both own a message and no transition is
 * published without being stored. Reading the log is {@link MessageQueries}'s job: the moves need the
 * lease and the outbox, the reads need neither.
 */
@Service
public class MessageLog {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final MessageQueries queries;
    private final EventOutbox outbox;
    private final Clock clock;

    MessageLog(MongoTemplate mongo, MessageQueries queries, EventOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.queries = queries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A message to store, PLANNED, with the events its planning raises (message-scheduled for a later time). */
    public record NewMessage(Message message, List<Object> events) {
    }

    /**
     * @param inserted  stored now
     * @param existing  already stored under the same workspace and request id (a redelivery), as stored
     */
    public record InsertResult(List<Message> inserted, Map<UUID, Message> existing) {
    }

    /** Stores new messages; a request id already used in the workspace leaves the stored message as it is. */
    public InsertResult insert(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return new InsertResult(List.of(), Map.of());
        }
        List<MessageDocument> documents = messages.stream()
                .map(planned -> MessageDocument.of(planned.message(), outbox.pending(planned.events().toArray()))).toList();
        Set<Integer> duplicates = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class).insert(documents).execute();
        } catch (BulkOperationException failure) {
            for (BulkWriteError error : failure.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw failure;
                }
                duplicates.add(error.getIndex());
            }
        }
        List<Message> inserted = new ArrayList<>();
        Map<UUID, Message> existing = new LinkedHashMap<>();
        List<String> withEvents = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i).message();
            if (duplicates.contains(i)) {
                queries.findByRequest(message.customer().workspaceId(), message.requestId())
                        .ifPresent(stored -> existing.put(message.id(), stored));
            } else {
                inserted.add(message);
                if (!messages.get(i).events().isEmpty()) {
                    withEvents.add(message.id().toString());
                }
            }
        }
        if (!withEvents.isEmpty()) {
            outbox.written(MessageDocument.COLLECTION, withEvents);
        }
        return new InsertResult(inserted, existing);
    }

    /**
     * Claims due waiting messages for one sender: each moves to SENDING under a lease only if it is still
     * waiting and due, so of several senders exactly one gets it.
     */
    public List<Message> claim(Collection<UUID> ids, String owner, Duration leaseDuration) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        // One conditional write for the batch, applied document by document: MongoDB's updateMany is atomic
        // per document, which is all a claim needs, and it is one statement rather than one per message.
        var claimed = mongo.updateMulti(new Query(Criteria.where("_id").in(ids.stream().map(UUID::toString).toList())
                        .and("state").in(MessageDocument.WAITING).and("dueAt").lte(now)),
                new Update().set("state", MessageState.SENDING.name())
                        .set("lease", new LeaseDoc(owner, token, now.plus(leaseDuration))).set("updatedAt", now),
                MessageDocument.class);
        if (claimed.getMatchedCount() == 0) {
            return List.of();
        }
        return queries.findAll(ids).stream().filter(m -> m.lease() != null && token.equals(m.lease().token())).toList();
    }

    /** Takes over a message whose lease expired, if nobody else did first. */
    public Optional<Message> takeOver(Message expired, String owner, Duration leaseDuration) {
        Instant now = clock.instant();
        MessageDocument taken = mongo.findAndModify(new Query(Criteria.where("_id").is(expired.id().toString())
                        .and("state").is(MessageState.SENDING.name()).and("lease.token").is(expired.lease().token())),
                new Update().set("lease", new LeaseDoc(owner, UUID.randomUUID().toString(), now.plus(leaseDuration)))
                        .set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true), MessageDocument.class);
        return Optional.ofNullable(taken).map(MessageDocument::toMessage);
    }

    /**
     * A move of a SENDING message, made by the holder of its lease.
     *
     * @param state      the state it moves to; SENDING records a decision (and content) before the hand-off
     * @param content    null: unchanged
     * @param attempts   null: unchanged
     * @param events     domain events the move raises, stored with it
     */
    public record Transition(Message message, MessageState state, String reasonCode, String reason, Instant dueAt,
            Message.Content content, Message.Decision decision, Integer attempts, String provider,
            String providerMessageId, Instant sentAt, List<Object> events) {

        public Transition withContent(Message.Content replacement) {
            return new Transition(message, state, reasonCode, reason, dueAt, replacement, decision, attempts, provider,
                    providerMessageId, sentAt, events);
        }
    }

    /**
     * Stores moves of SENDING messages made by the holder of their lease. A lease with more than half of its
     * time left needs no check; otherwise it is confirmed and extended by {@code lease}, for all messages
     * under one lease token in one conditional write. The moves of the messages still held are then written
     * by id: between the two nothing can take a message over, as its lease was just extended.
     *
     * @return the ids whose move was stored (the others' lease was lost: another sender owns them now)
     */
    public Set<UUID> record(List<Transition> transitions, Duration lease) {
        if (transitions.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        // A lease with more than half of it left is the holder's: no other sender takes a message over
        // before its lease ran out (by its own clock; instances' clocks differ by far less than half a lease).
        List<Message> moved = transitions.stream().map(Transition::message).toList();
        Instant safe = now.plus(lease.dividedBy(2));
        Set<UUID> held = moved.stream().allMatch(m -> m.lease() != null && m.lease().until().isAfter(safe))
                ? moved.stream().map(Message::id).collect(Collectors.toSet())
                : confirm(moved, lease);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class);
        List<String> withEvents = new ArrayList<>();
        Set<UUID> stored = new HashSet<>();
        for (Transition transition : transitions) {
            Message message = transition.message();
            if (!held.contains(message.id())) {
                continue;
            }
            Update update = new Update().set("state", transition.state().name()).set("updatedAt", now)
                    .set("reasonCode", transition.reasonCode()).set("reason", transition.reason())
                    .push("decisions", MessageDocument.decision(transition.decision()));
            if (transition.state() != MessageState.SENDING) {
                update.unset("lease");
            }
            if (transition.state() == MessageState.DEFERRED) {
                update.set("dueAt", transition.dueAt());
            } else if (transition.state().isFinal()) {
                update.unset("dueAt");
            }
            if (transition.content() != null) {
                update.set("content", MessageDocument.content(transition.content()));
            }
            if (transition.attempts() != null) {
                update.set("attempts", transition.attempts());
            }
            if (transition.provider() != null) {
                update.set("provider", transition.provider()).set("providerMessageId", transition.providerMessageId());
            }
            if (transition.sentAt() != null) {
                update.set("sentAt", transition.sentAt());
            }
            List<StoredEvent> events = outbox.pending(transition.events().toArray());
            outbox.addTo(update, events);
            if (!events.isEmpty()) {
                withEvents.add(message.id().toString());
            }
            bulk.updateOne(new Query(Criteria.where("_id").is(message.id().toString())), update);
            stored.add(message.id());
        }
        if (!stored.isEmpty()) {
            bulk.execute();
        }
        if (!withEvents.isEmpty()) {
            outbox.written(MessageDocument.COLLECTION, withEvents);
        }
        return stored;
    }

    /** The messages whose lease is still theirs, with the lease extended; one conditional write per lease token. */
    private Set<UUID> confirm(List<Message> messages, Duration lease) {
        Instant now = clock.instant();
        Map<String, List<Message>> byToken = new LinkedHashMap<>();
        for (Message message : messages) {
            byToken.computeIfAbsent(message.lease().token(), t -> new ArrayList<>()).add(message);
        }
        Set<UUID> held = new HashSet<>();
        byToken.forEach((token, group) -> {
            Instant until = now.plus(lease);
            List<String> ids = group.stream().map(m -> m.id().toString()).distinct().toList();
            long matched = mongo.updateMulti(new Query(Criteria.where("_id").in(ids)
                            .and("state").is(MessageState.SENDING.name()).and("lease.token").is(token)),
                    new Update().set("lease.until", until), MessageDocument.class).getMatchedCount();
            if (matched == ids.size()) {
                group.forEach(m -> held.add(m.id()));
            } else {
                queries.findAll(group.stream().map(Message::id).toList()).stream()
                        .filter(m -> m.state() == MessageState.SENDING && m.lease() != null && token.equals(m.lease().token()))
                        .forEach(m -> held.add(m.id()));
            }
        });
        return held;
    }

    /**
     * Erasure: removes every message's content, address, variables and technical detail, keeps what was
     * sent when, on which channel, why (the counts); waiting messages end as SKIPPED (customer-erased).
     *
     * @param skippedEvent makes the skipped event of a waiting message that ends here
     * @return the ids of the customer's messages
     */
    public List<String> erase(CustomerRef customer, Function<Message, Object> skippedEvent) {
        return eraseAll(List.of(customer), skippedEvent);
    }

    /**
     * {@link #erase} for the customers of one batch: their messages are found with one query per workspace
     * (MongoDB serves it from the (workspaceId, customerId) index; the stand-in scans once per batch
     * rather than once per customer) and changed with one bulk write.
     *
     * @return the ids of the customers' messages
     */
    public List<String> eraseAll(Collection<CustomerRef> customers, Function<Message, Object> skippedEvent) {
        Map<String, List<String>> byWorkspace = customers.stream().distinct().collect(Collectors.groupingBy(
                c -> c.workspaceId().toString(), LinkedHashMap::new,
                Collectors.mapping(c -> c.customerId().toString(), Collectors.toList())));
        List<String> ids = new ArrayList<>();
        byWorkspace.forEach((workspace, customerIds) -> ids.addAll(eraseInWorkspace(workspace, customerIds,
                skippedEvent)));
        return ids;
    }

    private List<String> eraseInWorkspace(String workspace, List<String> customerIds,
            Function<Message, Object> skippedEvent) {
        Query query = new Query(Criteria.where("workspaceId").is(workspace).and("customerId").in(customerIds));
        query.fields().exclude(EventOutbox.FIELD);
        List<MessageDocument> documents = mongo.find(query, MessageDocument.class);
        if (documents.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MessageDocument.class);
        List<String> withEvents = new ArrayList<>();
        for (MessageDocument document : documents) {
            List<DecisionDoc> decisions = document.decisions() == null ? List.of() : document.decisions().stream()
                    .map(d -> new DecisionDoc(d.at(), d.outcome(), d.reasonCode(), d.reason(), d.checks(), d.dueAt(),
                            d.attempt(), null))
                    .toList();
            Update update = new Update().set("erased", true).set("decisions", decisions).set("updatedAt", now)
                    .unset("content").unset("inline").unset("variables").unset("languageOverride");
            // An inline message's title is its subject as staff typed it: it may name the person.
            String title = document.inline() == null ? document.title()
                    : "One-off " + (document.channel().equals("SMS") ? "SMS" : "e-mail");
            update.set("title", title);
            // The first pass also takes out the events still waiting in the document: they carry the title and
            // reason as they were. Later passes leave the erasure's own events (no personal data) to the relay.
            boolean firstPass = !document.erased();
            Query one = new Query(Criteria.where("_id").is(document.id()));
            if (MessageDocument.WAITING.contains(document.state())) {
                // Ends here, unless a sender claimed it meanwhile (it then finds the contact erased and skips).
                one = new Query(Criteria.where("_id").is(document.id()).and("state").is(document.state()));
                Message message = document.toMessage().withTitle(title);
                Message.Decision decision = new Message.Decision(now, "SKIP", "customer-erased",
                        "The customer was erased", List.of(), null, document.attempts(), null);
                update.set("state", MessageState.SKIPPED.name()).set("reasonCode", "customer-erased")
                        .set("reason", "The customer was erased").unset("dueAt");
                update.set("decisions", append(decisions, MessageDocument.decision(decision)));
                List<StoredEvent> skipped = outbox.pending(skippedEvent.apply(message));
                if (firstPass) {
                    update.set(EventOutbox.FIELD, skipped).set(EventOutbox.DUE, skipped.getFirst().time());
                } else {
                    outbox.addTo(update, skipped);
                }
                withEvents.add(document.id());
            } else if (firstPass) {
                update.unset(EventOutbox.FIELD).unset(EventOutbox.DUE);
            }
            bulk.updateOne(one, update);
        }
        bulk.execute();
        // Whatever a waiting message raced into (claimed meanwhile) is scrubbed by the same rules.
        mongo.updateMulti(new Query(Criteria.where("workspaceId").is(workspace).and("customerId").in(customerIds)
                .and("erased").ne(true)),
                new Update().set("erased", true).unset("content").unset("inline").unset("variables"),
                MessageDocument.class);
        if (!withEvents.isEmpty()) {
            outbox.written(MessageDocument.COLLECTION, withEvents);
        }
        return documents.stream().map(MessageDocument::id).toList();
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
