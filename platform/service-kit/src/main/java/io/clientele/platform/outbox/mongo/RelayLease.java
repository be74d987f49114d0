package io.clientele.platform.outbox.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One relay at a time across instances, so one customer's events leave in the order they were stored:
 * a lease document taken with a conditional findAndModify (free, expired, or already ours) and renewed
 * on every round. An instance that dies loses it after the lease's duration.
 */
final class RelayLease {

    static final String COLLECTION = "relay_leases";
    private static final String ID = "outbox-relay";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration duration;
    private final String owner = UUID.randomUUID().toString();

    RelayLease(MongoTemplate mongo, Clock clock, Duration duration) {
        this.mongo = mongo;
        this.clock = clock;
        this.duration = duration;
    }

    /** Takes or renews the lease; false while another live instance holds it. */
    boolean hold() {
        Instant now = clock.instant();
        Query query = new Query(Criteria.where("_id").is(ID)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(now)));
        Update update = new Update().set("owner", owner).set("until", now.plus(duration));
        try {
            Document held = mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION);
            return held != null && owner.equals(held.getString("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    void release() {
        mongo.remove(new Query(Criteria.where("_id").is(ID).and("owner").is(owner)), COLLECTION);
    }
}
