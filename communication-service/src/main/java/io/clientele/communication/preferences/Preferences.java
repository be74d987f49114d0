package io.clientele.communication.preferences;

import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Ids;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.communication.outbox.PendingEvent;
import io.clientele.communication.preferences.PreferencesDocument.Channels;
import io.clientele.communication.preferences.PreferencesDocument.EntryDoc;
import io.clientele.communication.preferences.PreferencesDocument.HandoffDoc;
import io.clientele.communication.preferences.PreferencesDocument.MarketingSendDoc;
import io.clientele.platform.problem.PreconditionFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Customers' preferences (M-1), written with their consent record (M-2, read by {@link ConsentRecord}),
 * and the hand-off registrations through which sending is ordered against preference changes. Every
 * change is one conditional write on the document's version carrying the new state, its consent-record
 * entry and its event; a change that loses a race is recomputed on the new state.
 */
@Service
public class Preferences {

    static final int MARKETING_SENDS_KEPT = 100;
    private static final int ATTEMPTS = 50;
    private static final Logger log = LoggerFactory.getLogger(Preferences.class);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Clock clock;
    private final PreferencesProperties properties;
    private final MeterRegistry meters;

    Preferences(MongoTemplate mongo, EventOutbox outbox, Clock clock, PreferencesProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** The outcome of a change: the state after it, and whether anything changed. */
    public record Result(CustomerPreferences preferences, boolean changed) {
    }

    public Optional<CustomerPreferences> find(CustomerRef customer) {
        return Optional.ofNullable(mongo.findOne(stateOf(customer.key()), PreferencesDocument.class))
                .map(PreferencesDocument::toPreferences);
    }

    /** By {@link CustomerRef#key()}. */
    public Map<String, CustomerPreferences> findAll(Collection<CustomerRef> customers) {
        Map<String, CustomerPreferences> found = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return found;
        }
        Query query = new Query(Criteria.where("_id").in(customers.stream().map(CustomerRef::key).distinct().toList()));
        excludeHistory(query);
        for (PreferencesDocument document : mongo.find(query, PreferencesDocument.class)) {
            found.put(document.id(), document.toPreferences());
        }
        return found;
    }

    /**
     * The preferences a new customer starts with, from the consent given where it was created. Does
     * nothing when the customer has preferences already (a redelivered event).
     */
    public Optional<CustomerPreferences> initialize(CustomerRef customer, boolean marketingConsent, ConsentSource source,
            String actor, String wordingVersion, String sourceRef) {
        Instant now = clock.instant();
        SubscriptionState subscription = marketingConsent ? SubscriptionState.SUBSCRIBED : SubscriptionState.UNSUBSCRIBED;
        CustomerPreferences initial = new CustomerPreferences(customer, subscription, false, ChannelSwitches.ALL_ON, null,
                true, 1, 0, List.of(), List.of(), false, now, source, null, now);
        List<String> fields = List.of("created");
        EntryDoc entry = entry(now, fields, source, actor, wordingVersion, sourceRef, null, initial);
        List<PendingEvent> events = outbox.pending(new PreferencesChanged(customer, initial, fields, source, actor,
                wordingVersion, now));
        Update update = new Update()
                .setOnInsert("workspaceId", customer.workspaceId().toString())
                .setOnInsert("customerId", customer.customerId().toString())
                .setOnInsert("subscription", subscription.name())
                .setOnInsert("muted", false)
                .setOnInsert("channels", new Channels(true, true, true))
                .setOnInsert("orderConfirmations", true)
                .setOnInsert("version", 1L)
                .setOnInsert("marketingSeq", 0L)
                .setOnInsert("marketingSends", List.of())
                .setOnInsert("handoffs", List.of())
                .setOnInsert("consents", List.of(entry))
                .setOnInsert("erased", false)
                .setOnInsert("subscriptionSince", now)
                .setOnInsert("subscriptionSource", source.name())
                .setOnInsert("createdAt", now)
                .setOnInsert("updatedAt", now)
                .setOnInsert(EventOutbox.FIELD, events)
                .setOnInsert(EventOutbox.DUE, now);
        try {
            if (mongo.upsert(new Query(Criteria.where("_id").is(customer.key())), update, PreferencesDocument.class)
                    .getUpsertedId() == null) {
                return Optional.empty();
            }
        } catch (DuplicateKeyException createdAtTheSameTime) {
            return Optional.empty();
        }
        outbox.written(PreferencesDocument.COLLECTION, List.of(customer.key()));
        meters.counter("clientele.preferences.changes", "field", "created", "source", source.name()).increment();
        return Optional.of(initial);
    }

    /**
     * Applies a change. A change that changes nothing records nothing and publishes nothing; nor does one
     * whose {@code sourceRef} was applied before. A change that forbids messages answers only once the
     * hand-offs it forbids, already in progress, have ended.
     *
     * @param createIfAbsent for events about customers whose preferences are not known yet
     * @return empty when the customer has no preferences (and none were to be created)
     */
    public Optional<Result> change(CustomerRef customer, PreferenceChange change, boolean createIfAbsent) {
        return change(customer, change, createIfAbsent, null);
    }

    /** @param expectedVersion when set, the change applies only to this version (an If-Match) */
    public Optional<Result> change(CustomerRef customer, PreferenceChange change, boolean createIfAbsent,
            Long expectedVersion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PreferencesDocument current = mongo.findOne(stateOf(customer.key()), PreferencesDocument.class);
            if (current == null) {
                if (!createIfAbsent) {
                    return Optional.empty();
                }
                createDefault(customer);
                continue;
            }
            CustomerPreferences before = current.toPreferences();
            if (before.erased()) {
                return Optional.of(new Result(before, false));
            }
            if (expectedVersion != null && expectedVersion != before.version()) {
                throw new PreconditionFailedException("The preferences are at version " + before.version()
                        + ", not " + expectedVersion + "; read them again");
            }
            if (change.sourceRef() != null && mongo.exists(new Query(Criteria.where("_id").is(customer.key())
                    .and("consents.sourceRef").is(change.sourceRef())), PreferencesDocument.class)) {
                return Optional.of(new Result(before, false));
            }
            Instant now = clock.instant();
            CustomerPreferences after = apply(before, change, now);
            List<String> fields = changedFields(before, after);
            if (fields.isEmpty()) {
                return Optional.of(new Result(before, false));
            }
            // A wording version belongs to a consent: a change that subscribes.
            String wording = fields.contains("subscriptionState") && after.subscription() == SubscriptionState.SUBSCRIBED
                    ? change.wordingVersion() : null;
            EntryDoc entry = entry(now, fields, change.source(), change.actor(), wording, change.sourceRef(), change.note(),
                    after);
            List<PendingEvent> events = outbox.pending(new PreferencesChanged(customer, after, fields, change.source(),
                    change.actor(), wording, now));
            Criteria unchanged = Criteria.where("_id").is(customer.key()).and("version").is(before.version());
            if (change.sourceRef() != null) {
                unchanged = unchanged.and("consents.sourceRef").ne(change.sourceRef());
            }
            Update update = new Update()
                    .set("subscription", after.subscription().name())
                    .set("muted", after.muted())
                    .set("channels", new Channels(after.channels().email(), after.channels().sms(), after.channels().push()))
                    .set("language", after.language())
                    .set("orderConfirmations", after.orderConfirmations())
                    .set("version", after.version())
                    .set("subscriptionSince", after.subscriptionSince())
                    .set("subscriptionSource", after.subscriptionSource() == null ? null : after.subscriptionSource().name())
                    .set("mutedSince", after.mutedSince())
                    .set("updatedAt", now)
                    .push("consents", entry);
            outbox.addTo(update, events);
            Query query = new Query(unchanged);
            excludeHistory(query);
            PreferencesDocument stored = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                    PreferencesDocument.class);
            if (stored == null) {
                continue;
            }
            outbox.written(PreferencesDocument.COLLECTION, List.of(customer.key()));
            fields.forEach(field -> meters.counter("clientele.preferences.changes", "field", field,
                    "source", change.source().name()).increment());
            awaitForbiddenHandoffs(customer, forbiddenBy(before, after), stored.toPreferences().handoffs());
            return Optional.of(new Result(stored.toPreferences(), true));
        }
        throw new OptimisticLockingFailureException("Preferences of " + customer + " kept changing; try again");
    }

    /** Removes what identifies the person from the preferences and the consent record; the proof stays. */
    public void erase(CustomerRef customer) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PreferencesDocument current = mongo.findById(customer.key(), PreferencesDocument.class);
            if (current == null) {
                return;
            }
            List<EntryDoc> anonymous = current.consents() == null ? List.of() : current.consents().stream()
                    .map(e -> new EntryDoc(e.id(), e.at(), e.changedFields(), e.source(), e.actor(), e.wordingVersion(),
                            e.sourceRef(), null, e.subscription(), e.muted(), e.channels(), null, e.orderConfirmations()))
                    .toList();
            Update update = new Update().set("erased", true).unset("language").set("consents", anonymous)
                    .set("version", current.version() + 1).set("updatedAt", clock.instant());
            if (mongo.updateFirst(new Query(Criteria.where("_id").is(customer.key()).and("version").is(current.version())),
                    update, PreferencesDocument.class).getMatchedCount() == 1) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("Preferences of " + customer + " kept changing during erasure");
    }

    // --- hand-offs -------------------------------------------------------------------------------------

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
    public Map<String, Set<UUID>> heldHandoffs(Collection<CustomerRef> customers) {
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
    public void dropHandoffsExpiredBefore(Instant before) {
        mongo.updateMulti(new Query(Criteria.where("handoffs.until").lt(before)),
                new Update().pull("handoffs", new Document("until", new Document("$lt", before))),
                PreferencesDocument.class);
    }

    /** Default preferences for known customers that have none (customers known from before this service). */
    public void ensureExist(Collection<CustomerRef> customers) {
        customers.forEach(this::createDefault);
    }

    // --- internals -------------------------------------------------------------------------------------

    private void createDefault(CustomerRef customer) {
        Instant now = clock.instant();
        Update update = new Update()
                .setOnInsert("workspaceId", customer.workspaceId().toString())
                .setOnInsert("customerId", customer.customerId().toString())
                .setOnInsert("subscription", SubscriptionState.UNSUBSCRIBED.name())
                .setOnInsert("muted", false)
                .setOnInsert("channels", new Channels(true, true, true))
                .setOnInsert("orderConfirmations", true)
                .setOnInsert("version", 0L)
                .setOnInsert("marketingSeq", 0L)
                .setOnInsert("marketingSends", List.of())
                .setOnInsert("handoffs", List.of())
                .setOnInsert("consents", List.of())
                .setOnInsert("erased", false)
                .setOnInsert("createdAt", now)
                .setOnInsert("updatedAt", now);
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(customer.key())), update, PreferencesDocument.class);
        } catch (DuplicateKeyException createdAtTheSameTime) {
            // someone else created it: fine
        }
    }

    private static CustomerPreferences apply(CustomerPreferences before, PreferenceChange change, Instant now) {
        SubscriptionState subscription = change.subscription() == null ? before.subscription() : change.subscription();
        boolean muted = change.muted() == null ? before.muted() : change.muted();
        ChannelSwitches channels = new ChannelSwitches(
                change.email() == null ? before.channels().email() : change.email(),
                change.sms() == null ? before.channels().sms() : change.sms(),
                change.push() == null ? before.channels().push() : change.push());
        String language = change.languageGiven() ? change.language() : before.language();
        boolean orderConfirmations = change.orderConfirmations() == null ? before.orderConfirmations()
                : change.orderConfirmations();
        boolean subscriptionChanged = subscription != before.subscription();
        return new CustomerPreferences(before.customer(), subscription, muted, channels, language, orderConfirmations,
                before.version() + 1, before.marketingSeq(), before.marketingSends(), before.handoffs(), false,
                subscriptionChanged ? now : before.subscriptionSince(),
                subscriptionChanged ? change.source() : before.subscriptionSource(),
                muted != before.muted() ? (muted ? now : null) : before.mutedSince(), now);
    }

    private static List<String> changedFields(CustomerPreferences before, CustomerPreferences after) {
        List<String> fields = new ArrayList<>();
        if (before.subscription() != after.subscription()) {
            fields.add("subscriptionState");
        }
        if (before.muted() != after.muted()) {
            fields.add("muted");
        }
        if (before.channels().email() != after.channels().email()) {
            fields.add("channels.email");
        }
        if (before.channels().sms() != after.channels().sms()) {
            fields.add("channels.sms");
        }
        if (before.channels().push() != after.channels().push()) {
            fields.add("channels.push");
        }
        if (!Objects.equals(before.language(), after.language())) {
            fields.add("language");
        }
        if (before.orderConfirmations() != after.orderConfirmations()) {
            fields.add("orderConfirmations");
        }
        return fields;
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

    /**
     * Waits until the forbidden hand-offs that were in progress when the change was stored have ended:
     * none can start any more (they are registered against the version the change replaced), so after
     * this no message the change forbids leaves.
     */
    private void awaitForbiddenHandoffs(CustomerRef customer, Predicate<Handoff> forbidden, List<Handoff> inProgress) {
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
                find(customer).ifPresent(p -> p.handoffs().stream().filter(h -> h.until().isAfter(at))
                        .forEach(h -> held.add(h.messageId())));
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

    private static EntryDoc entry(Instant at, List<String> fields, ConsentSource source, String actor,
            String wordingVersion, String sourceRef, String note, CustomerPreferences after) {
        return new EntryDoc(Ids.newId().toString(), at, fields, source.name(), actor, wordingVersion, sourceRef, note,
                after.subscription().name(), after.muted(),
                new Channels(after.channels().email(), after.channels().sms(), after.channels().push()),
                after.language(), after.orderConfirmations());
    }

    private static Query stateOf(String key) {
        Query query = new Query(Criteria.where("_id").is(key));
        excludeHistory(query);
        return query;
    }

    private static void excludeHistory(Query query) {
        query.fields().exclude("consents").exclude(EventOutbox.FIELD);
    }
}
