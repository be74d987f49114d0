package io.clientele.communication.messages;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.platform.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the message log: a customer's messages and their counts for staff (M-6), and the messages the
 * senders should move next (due, or left behind by a sender that stopped). Nothing here writes, so
 * nothing here needs a lease or an event; the moves are {@link MessageLog}'s.
 */
@Service
public class MessageQueries {

    private final MongoTemplate mongo;

    MessageQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Message> find(UUID workspaceId, UUID id) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(id.toString())
                .and("workspaceId").is(workspaceId.toString())), MessageDocument.class)).map(MessageDocument::toMessage);
    }

    Optional<Message> findByRequest(UUID workspaceId, String requestId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("workspaceId").is(workspaceId.toString())
                .and("requestId").is(requestId)), MessageDocument.class)).map(MessageDocument::toMessage);
    }

    List<Message> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids.stream().map(UUID::toString).toList())),
                MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
    }

    /** Ids of waiting messages that are due, the longest-waiting first. */
    public List<UUID> due(Instant now, int limit) {
        Query query = new Query(Criteria.where("state").in(MessageDocument.WAITING).and("dueAt").lte(now))
                .with(Sort.by("dueAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, MessageDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("_id"))).toList();
    }

    /** SENDING messages whose sender let the lease run out (it stopped, or crashed): recovery's work. */
    public List<Message> expiredLeases(Instant now, int limit) {
        return mongo.find(new Query(Criteria.where("state").is(MessageState.SENDING.name()).and("lease.until").lt(now))
                .limit(limit), MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
    }

    /** One page of a customer's messages, newest first. */
    record Page(List<Message> items, String nextCursor) {
    }

    Page page(CustomerRef customer, Set<MessageState> states, Channel channel, Category category, int limit,
            String cursor) {
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
    record Count(MessageState state, Channel channel, Category category, long count) {
    }

    List<Count> counts(CustomerRef customer) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("workspaceId").is(customer.workspaceId().toString())
                        .and("customerId").is(customer.customerId().toString())),
                Aggregation.group("state", "channel", "category").count().as("count"));
        List<Count> counts = new ArrayList<>();
        for (Document row : mongo.aggregate(aggregation, MessageDocument.COLLECTION, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            counts.add(new Count(MessageState.valueOf(id.getString("state")), Channel.valueOf(id.getString("channel")),
                    Category.valueOf(id.getString("category")), ((Number) row.get("count")).longValue()));
        }
        counts.sort(Comparator.comparing(Count::state).thenComparing(Count::channel).thenComparing(Count::category));
        return counts;
    }

    /** Where a page ended: the last message's creation time and id. Opaque to clients. */
    record Cursor(Instant createdAt, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (createdAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
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
