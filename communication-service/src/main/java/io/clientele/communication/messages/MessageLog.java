package io.clientele.communication.messages;

import com.mongodb.bulk.BulkWriteError;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.messages.MessageDocument.DecisionDoc;
import io.clientele.communication.messages.MessageDocument.InlineDoc;
import io.clientele.communication.messages.MessageDocument.LeaseDoc;
import io.clientele.communication.messages.MessageDocument.ReservationDoc;
import io.clientele.communication.messages.MessageDocument.VariablesDoc;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.platform.outbox.mongo.StoredEvent;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The message log (M-6) and the message state machine. Each move is a conditional single-document
 * write (on the state it leaves and, while SENDING, on the claimer's lease token) carrying the move's
 * event, so two senders never both own a message and no transition is published without being stored.
 */
@Service
public class MessageLog {

    private static final int DUPLICATE_KEY = 11000;
    private static final List<String> WAITING = List.of(MessageState.PLANNED.name(), MessageState.DEFERRED.name());

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Clock clock;

    MessageLog(MongoTemplate mongo, EventOutbox outbox, Clock clock) {
        this.mongo = mongo;
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
        List<MessageDocument> documents = messages.stream().map(this::document).toList();
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
                findByRequest(message.customer().workspaceId(), message.requestId())
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

    public Optional<Message> find(UUID workspaceId, UUID id) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(id.toString())
                .and("workspaceId").is(workspaceId.toString())), MessageDocument.class)).map(MessageDocument::toMessage);
    }

    public Optional<Message> findByRequest(UUID workspaceId, String requestId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("workspaceId").is(workspaceId.toString())
                .and("requestId").is(requestId)), MessageDocument.class)).map(MessageDocument::toMessage);
    }

    public List<Message> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids.stream().map(UUID::toString).toList())),
                MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
    }

    /** Ids of waiting messages that are due, the longest-waiting first. */
    public List<UUID> due(Instant now, int limit) {
        Query query = new Query(Criteria.where("state").in(WAITING).and("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, MessageDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("_id"))).toList();
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
                        .and("state").in(WAITING).and("dueAt").lte(now)),
                new Update().set("state", MessageState.SENDING.name())
                        .set("lease", new LeaseDoc(owner, token, now.plus(leaseDuration))).set("updatedAt", now),
                MessageDocument.class);
        if (claimed.getMatchedCount() == 0) {
            return List.of();
        }
        return findAll(ids).stream().filter(m -> m.lease() != null && token.equals(m.lease().token())).toList();
    }

    /** SENDING messages whose sender let the lease run out (it stopped, or crashed): recovery's work. */
    public List<Message> expiredLeases(Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("state").is(MessageState.SENDING.name()).and("lease.until").lt(now))
                .limit(limit), MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
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
    public Set<UUID> record(List<Transition> transitions, java.time.Duration lease) {
        if (transitions.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        // A lease with more than half of it left is the holder's: no other sender takes a message over
        // before its lease ran out (by its own clock; instances' clocks differ by far less than half a lease).
        List<Message> moved = transitions.stream().map(Transition::message).toList();
        Instant safe = now.plus(lease.dividedBy(2));
        Set<UUID> held = moved.stream().allMatch(m -> m.lease() != null && m.lease().until().isAfter(safe))
                ? moved.stream().map(Message::id).collect(java.util.stream.Collectors.toSet())
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
    private Set<UUID> confirm(List<Message> messages, java.time.Duration lease) {
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
                findAll(group.stream().map(Message::id).toList()).stream()
                        .filter(m -> m.state() == MessageState.SENDING && m.lease() != null && token.equals(m.lease().token()))
                        .forEach(m -> held.add(m.id()));
            }
        });
        return held;
    }

    /** One page of a customer's messages, newest first. */
    public record Page(List<Message> items, String nextCursor) {
    }

    public Page page(CustomerRef customer, Set<MessageState> states, io.clientele.communication.Channel channel,
            io.clientele.communication.Category category, int limit, String cursor) {
        Criteria criteria = Criteria.where("workspaceId").is(customer.workspaceId().toString())
                .and("customerId").is(customer.customerId().toString());
        if (states != null && !states.isEmpty()) {
            criteria = criteria.and("state").in(states.stream().map(Enum::name).toList());
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel.name());
        }
        if (category != null) {
            criteria = criteria.and("category").is(category.name());
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("createdAt").lt(after.createdAt()),
                    Criteria.where("createdAt").is(after.createdAt()).and("_id").lt(after.id())));
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit + 1);
        query.fields().exclude(EventOutbox.FIELD);
        List<Message> found = mongo.find(query, MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Message> items = found.subList(0, limit);
        Message last = items.getLast();
        return new Page(items, new Cursor(last.createdAt(), last.id().toString()).encode());
    }

    /** Messages per state, channel and category: what remains countable after an erasure. */
    public record Count(MessageState state, io.clientele.communication.Channel channel,
            io.clientele.communication.Category category, long count) {
    }

    public List<Count> counts(CustomerRef customer) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("workspaceId").is(customer.workspaceId().toString())
                        .and("customerId").is(customer.customerId().toString())),
                Aggregation.group("state", "channel", "category").count().as("count"));
        List<Count> counts = new ArrayList<>();
        for (Document row : mongo.aggregate(aggregation, MessageDocument.COLLECTION, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            counts.add(new Count(MessageState.valueOf(id.getString("state")),
                    io.clientele.communication.Channel.valueOf(id.getString("channel")),
                    io.clientele.communication.Category.valueOf(id.getString("category")),
                    ((Number) row.get("count")).longValue()));
        }
        counts.sort(java.util.Comparator.comparing(Count::state).thenComparing(Count::channel).thenComparing(Count::category));
        return counts;
    }

    /**
     * Erasure: removes every message's content, address, variables and technical detail, keeps what was
     * sent when, on which channel, why (the counts); waiting messages end as SKIPPED (customer-erased).
     *
     * @param skippedEvent makes the skipped event of a waiting message that ends here
     */
    public void erase(CustomerRef customer, java.util.function.Function<Message, Object> skippedEvent) {
        Query query = new Query(Criteria.where("workspaceId").is(customer.workspaceId().toString())
                .and("customerId").is(customer.customerId().toString()));
        query.fields().exclude(EventOutbox.FIELD);
        List<MessageDocument> documents = mongo.find(query, MessageDocument.class);
        if (documents.isEmpty()) {
            return;
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
            if (document.inline() != null) {
                update.set("title", "One-off " + (document.channel().equals("SMS") ? "SMS" : "e-mail"));
            }
            Query one = new Query(Criteria.where("_id").is(document.id()));
            if (WAITING.contains(document.state())) {
                // Ends here, unless a sender claimed it meanwhile (it then finds the contact erased and skips).
                one = new Query(Criteria.where("_id").is(document.id()).and("state").is(document.state()));
                Message message = document.toMessage();
                Message.Decision decision = new Message.Decision(now, "SKIP", "customer-erased",
                        "The customer was erased", List.of(), null, document.attempts(), null);
                update.set("state", MessageState.SKIPPED.name()).set("reasonCode", "customer-erased")
                        .set("reason", "The customer was erased").unset("dueAt");
                update.set("decisions", append(decisions, MessageDocument.decision(decision)));
                outbox.addTo(update, outbox.pending(skippedEvent.apply(message)));
                withEvents.add(document.id());
            }
            bulk.updateOne(one, update);
        }
        bulk.execute();
        // Whatever a waiting message raced into (claimed meanwhile) is scrubbed by the same rules.
        mongo.updateMulti(new Query(Criteria.where("workspaceId").is(customer.workspaceId().toString())
                .and("customerId").is(customer.customerId().toString()).and("erased").ne(true)),
                new Update().set("erased", true).unset("content").unset("inline").unset("variables"),
                MessageDocument.class);
        if (!withEvents.isEmpty()) {
            outbox.written(MessageDocument.COLLECTION, withEvents);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private MessageDocument document(NewMessage planned) {
        Message m = planned.message();
        List<StoredEvent> events = outbox.pending(planned.events().toArray());
        var variables = m.variables();
        return new MessageDocument(m.id().toString(), m.customer().workspaceId().toString(),
                m.customer().customerId().toString(), m.requestId(), m.requestHash(), m.origin(), m.requestedBy(),
                m.channel().name(), m.category().name(), m.purpose().name(), m.templateKey(),
                m.inline() == null ? null : new InlineDoc(m.inline().subject(), m.inline().text(), m.inline().html()),
                variables == null ? null : new VariablesDoc(variables.reservation() == null ? null
                        : new ReservationDoc(variables.reservation().startsAt(), variables.reservation().endsAt(),
                                variables.reservation().service(), variables.reservation().staff(),
                                variables.reservation().location()),
                        variables.orderLink(), variables.custom()),
                m.languageOverride(), m.scenarioId(), m.stepId(), m.title(), m.state().name(), m.reasonCode(), m.reason(),
                m.notBefore(), m.dueAt(), null, 0, null, null, null,
                m.decisions().stream().map(MessageDocument::decision).toList(), false, m.createdAt(), m.createdAt(), null,
                events, events.isEmpty() ? null : events.getFirst().time());
    }

    /** Where a page ended: the last message's creation time and id. Opaque to clients. */
    record Cursor(Instant createdAt, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (createdAt.toEpochMilli() + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                Instant at = Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon)));
                String id = UUID.fromString(text.substring(colon + 1)).toString();
                return new Cursor(at, id);
            } catch (RuntimeException notOurs) {
                throw InvalidInputException.of("cursor", "cursor", "is not a cursor this API returned");
            }
        }
    }
}
