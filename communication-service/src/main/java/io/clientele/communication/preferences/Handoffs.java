package io.clientele.communication.preferences;

import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.preferences.PreferencesDocument.HandoffDoc;
import io.clientele.communication.preferences.PreferencesDocument.MarketingSendDoc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The hand-off registrations on the preferences document, through which sending is ordered against
 * preference changes: a message is registered against the version the policy read before it leaves, and
 * a change that forbids it waits for the registrations already made. Kept apart from {@link Preferences}
 * because it is sending's side of the mute and unsubscribe invariant, with its own writes and its own
 * clean-up, while the preferences only ask it to wait.
 */
@Service
public class Handoffs {

    static final int MARKETING_SENDS_KEPT = 100;
    private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final PreferencesProperties properties;

    Handoffs(MongoTemplate mongo, Clock clock, PreferencesProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Hand-offs to register for one customer, against the preferences version the policy read. Where the
     * workspace caps marketing, its marketing hand-offs are recorded too (the latest {@code keepMarketingSends},
     * as many as the cap counts) and registered against {@code marketingSeq}, so that the cap holds with
     * several senders at once.
     */
    public record HandoffRequest(CustomerRef customer, long expectedVersion, long expectedMarketingSeq,
            List<Handoff> handoffs, List<CustomerPreferences.MarketingSend> marketingSends, int keepMarketingSends) {
    }

    /**
     * Registers hand-offs, all or none per customer. Each customer's hand-offs are added by id, then the
     * document is read back: if its version is not the one the policy read (or, under a cap, another
     * marketing hand-off came in between), the hand-offs are taken back and the customer's messages must
     * be decided again. Writes to one document are serialised, so this orders each registration against
     * every preference change exactly as a conditional write would: a change stored before the addition
     * is seen in the read-back; one stored after it sees the hand-off and waits for it. (Written this way
     * because the MongoDB stand-in answers a conditional write by scanning the collection.)
     *
     * @return the keys of the customers whose hand-offs were registered; the others' preferences changed
     *         since they were read: evaluate those messages again
     */
    public Set<String> register(List<HandoffRequest> requests) {
        if (requests.isEmpty()) {
            return Set.of();
        }
        BulkOperations add = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PreferencesDocument.class);
        for (HandoffRequest request : requests) {
            Update update = new Update();
            update.push("handoffs").each(request.handoffs().stream().map(h -> new HandoffDoc(h.messageId().toString(),
                    h.channel().name(), h.marketing(), h.orderConfirmation(), h.until())).toArray());
            if (!request.marketingSends().isEmpty()) {
                update.push("marketingSends").slice(-Math.min(Math.max(request.keepMarketingSends(), 1), MARKETING_SENDS_KEPT))
                        .each(request.marketingSends().stream()
                                .map(send -> new MarketingSendDoc(send.messageId().toString(), send.at())).toArray());
                update.inc("marketingSeq", request.marketingSends().size());
            }
            add.updateOne(new Query(Criteria.where("_id").is(request.customer().key())), update);
        }
        add.execute();
        Query query = new Query(Criteria.where("_id").in(requests.stream().map(r -> r.customer().key()).toList()));
        query.fields().include("version", "marketingSeq", "erased");
        Map<String, Document> now = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, PreferencesDocument.COLLECTION)) {
            now.put(document.getString("_id"), document);
        }
        Set<String> registered = new HashSet<>();
        List<HandoffRequest> taken = new ArrayList<>();
        for (HandoffRequest request : requests) {
            Document document = now.get(request.customer().key());
            boolean unchanged = document != null && !Boolean.TRUE.equals(document.getBoolean("erased"))
                    && ((Number) document.get("version")).longValue() == request.expectedVersion()
                    && (request.marketingSends().isEmpty() || ((Number) document.get("marketingSeq")).longValue()
                            == request.expectedMarketingSeq() + request.marketingSends().size());
            if (unchanged) {
                registered.add(request.customer().key());
            } else {
                taken.add(request);
            }
        }
        if (!taken.isEmpty()) {
            BulkOperations undo = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PreferencesDocument.class);
            for (HandoffRequest request : taken) {
                List<String> ids = request.handoffs().stream().map(h -> h.messageId().toString()).toList();
                Update update = new Update().pull("handoffs", new Document("messageId", new Document("$in", ids)));
                if (!request.marketingSends().isEmpty()) {
                    update.pull("marketingSends", new Document("messageId", new Document("$in", ids)))
                            .inc("marketingSeq", -request.marketingSends().size());
                }
                undo.updateOne(new Query(Criteria.where("_id").is(request.customer().key())), update);
            }
            undo.execute();
        }
        return registered;
    }

    /**
     * Ends hand-offs whose outcome is recorded. Marketing messages that certainly did not reach their
     * provider stop counting towards the frequency cap.
     */
    public record HandoffRelease(CustomerRef customer, List<UUID> messageIds, List<UUID> marketingNotSent) {
    }

    public void release(List<HandoffRelease> releases) {
        if (releases.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PreferencesDocument.class);
        for (HandoffRelease release : releases) {
            Update update = new Update().pull("handoffs", new Document("messageId",
                    new Document("$in", release.messageIds().stream().map(UUID::toString).toList())));
            if (!release.marketingNotSent().isEmpty()) {
                update.pull("marketingSends", new Document("messageId",
                        new Document("$in", release.marketingNotSent().stream().map(UUID::toString).toList())));
            }
            bulk.updateOne(new Query(Criteria.where("_id").is(release.customer().key())), update);
        }
        bulk.execute();
    }

    /** Message ids with a registered hand-off, by customer key: after a crash, the ones that may have left. */
    Map<String, Set<UUID>> held(Collection<CustomerRef> customers) {
        Query query = new Query(Criteria.where("_id").in(customers.stream().map(CustomerRef::key).distinct().toList()));
        query.fields().include("handoffs");
        Map<String, Set<UUID>> held = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, PreferencesDocument.COLLECTION)) {
            Set<UUID> ids = new HashSet<>();
            for (Document handoff : document.getList("handoffs", Document.class, List.of())) {
                ids.add(UUID.fromString(handoff.getString("messageId")));
            }
            held.put(document.getString("_id"), ids);
        }
        return held;
    }

    /** Forgets hand-offs whose sender never came back, long after any recovery needed them. */
    public void dropExpiredBefore(Instant before) {
        mongo.updateMulti(new Query(Criteria.where("handoffs.until").lt(before)),
                new Update().pull("handoffs", new Document("until", new Document("$lt", before))),
                PreferencesDocument.class);
    }

    /**
     * Waits until the hand-offs the change from {@code before} to {@code after} forbids, and that were in
     * progress when it was stored, have ended: none can start any more (they are registered against the
     * version the change replaced), so after this no message the change forbids leaves.
     */
    void awaitForbidden(CustomerRef customer, CustomerPreferences before, CustomerPreferences after,
            List<Handoff> inProgress) {
        Predicate<Handoff> forbidden = forbiddenBy(before, after);
        Set<UUID> waiting = new HashSet<>();
        Instant now = clock.instant();
        inProgress.stream().filter(forbidden).filter(h -> h.until().isAfter(now)).forEach(h -> waiting.add(h.messageId()));
        if (waiting.isEmpty()) {
            return;
        }
        Instant deadline = now.plus(properties.drainTimeout());
        try {
            while (true) {
                Thread.sleep(Duration.ofMillis(5));
                Instant at = clock.instant();
                Set<UUID> held = new HashSet<>();
                PreferencesDocument current = mongo.findOne(PreferencesProjection.stateOf(customer.key()),
                        PreferencesDocument.class);
                if (current != null) {
                    current.toPreferences().handoffs().stream().filter(h -> h.until().isAfter(at))
                            .forEach(h -> held.add(h.messageId()));
                }
                waiting.retainAll(held);
                if (waiting.isEmpty()) {
                    return;
                }
                if (at.isAfter(deadline)) {
                    log.warn("{} hand-off(s) of {} still in progress {} after a preference change", waiting.size(),
                            customer, properties.drainTimeout());
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hand-offs a change forbids: everything when muted, marketing when unsubscribed, and so on. */
    private static Predicate<Handoff> forbiddenBy(CustomerPreferences before, CustomerPreferences after) {
        boolean muted = after.muted() && !before.muted();
        boolean unsubscribed = after.subscription() == SubscriptionState.UNSUBSCRIBED
                && before.subscription() == SubscriptionState.SUBSCRIBED;
        boolean emailOff = !after.channels().email() && before.channels().email();
        boolean smsOff = !after.channels().sms() && before.channels().sms();
        boolean confirmationsOff = !after.orderConfirmations() && before.orderConfirmations();
        return handoff -> muted || (unsubscribed && handoff.marketing())
                || (emailOff && handoff.channel() == Channel.EMAIL) || (smsOff && handoff.channel() == Channel.SMS)
                || (confirmationsOff && handoff.orderConfirmation());
    }
}
