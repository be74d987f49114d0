package io.clientele.communication.preferences;

import io.clientele.platform.ids.TimeOrderedIds;
import static io.clientele.communication.preferences.PreferencesProjection.excludeHistory;
import static io.clientele.communication.preferences.PreferencesProjection.stateOf;

import io.clientele.communication.CustomerRef;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.platform.outbox.mongo.StoredEvent;
import io.clientele.communication.preferences.PreferencesDocument.Channels;
import io.clientele.communication.preferences.PreferencesDocument.EntryDoc;
import io.clientele.platform.problem.PreconditionFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import com.mongodb.bulk.BulkWriteUpsert;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Customers' preferences (M-1). Every change is one conditional write on the document's version carrying
 * the new state, its consent-record entry and its event, so that no change is kept without its proof or
 * its event; a change that loses a race is recomputed on the new state. Reading the record is
 * {@link ConsentRecord}'s job and ordering sending against changes is {@link Handoffs}'s: a change here
 * only asks it to wait for the hand-offs the change forbids.
 */
@Service
public class Preferences {

    private static final int ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final Handoffs handoffs;
    private final Clock clock;
    private final MeterRegistry meters;

    Preferences(MongoTemplate mongo, EventOutbox outbox, Handoffs handoffs, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.handoffs = handoffs;
        this.clock = clock;
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

    /** What a new customer's preferences start from: the consent given where the customer was created. */
    public record Initial(CustomerRef customer, boolean marketingConsent, ConsentSource source, String actor,
            String wordingVersion, String sourceRef) {
    }

    /**
     * The preferences a new customer starts with, from the consent given where it was created. Does
     * nothing when the customer has preferences already (a redelivered event).
     */
    public Optional<CustomerPreferences> initialize(CustomerRef customer, boolean marketingConsent, ConsentSource source,
            String actor, String wordingVersion, String sourceRef) {
        return Optional.ofNullable(initializeAll(List.of(new Initial(customer, marketingConsent, source, actor,
                wordingVersion, sourceRef))).get(customer.key()));
    }

    /**
     * {@link #initialize} for customers of one batch, in one bulk write of upserts by id (the query both
     * MongoDB and its stand-in serve from the primary index).
     *
     * @return the preferences created, by {@link CustomerRef#key()}; customers that had some are left out
     */
    public Map<String, CustomerPreferences> initializeAll(List<Initial> customers) {
        Map<String, CustomerPreferences> created = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return created;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PreferencesDocument.class);
        List<CustomerPreferences> initials = new ArrayList<>(customers.size());
        for (Initial given : customers) {
            CustomerRef customer = given.customer();
            SubscriptionState subscription = given.marketingConsent() ? SubscriptionState.SUBSCRIBED
                    : SubscriptionState.UNSUBSCRIBED;
            CustomerPreferences initial = new CustomerPreferences(customer, subscription, false, ChannelSwitches.ALL_ON,
                    null, true, 1, 0, List.of(), List.of(), false, now, given.source(), null, now);
            List<String> fields = List.of("created");
            EntryDoc entry = entry(now, fields, given.source(), given.actor(), given.wordingVersion(), given.sourceRef(),
                    null, initial);
            List<StoredEvent> events = outbox.pending(new PreferencesChanged(customer, initial, fields, given.source(),
                    given.actor(), given.wordingVersion(), now));
            bulk.upsert(new Query(Criteria.where("_id").is(customer.key())), new Update()
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
                    .setOnInsert("subscriptionSource", given.source().name())
                    .setOnInsert("createdAt", now)
                    .setOnInsert("updatedAt", now)
                    .setOnInsert(EventOutbox.FIELD, events)
                    .setOnInsert(EventOutbox.DUE, now));
            initials.add(initial);
        }
        List<BulkWriteUpsert> upserts;
        try {
            upserts = bulk.execute().getUpserts();
        } catch (BulkOperationException createdAtTheSameTime) {
            // Unordered: the others went through; one created meanwhile by another instance is theirs.
            upserts = createdAtTheSameTime.getResult().getUpserts();
        }
        for (BulkWriteUpsert upsert : upserts) {
            CustomerPreferences initial = initials.get(upsert.getIndex());
            created.put(initial.customer().key(), initial);
            meters.counter("clientele.preferences.changes", "field", "created", "source",
                    customers.get(upsert.getIndex()).source().name()).increment();
        }
        outbox.written(PreferencesDocument.COLLECTION, created.keySet());
        return created;
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
            if (change.sourceRef() != null && alreadyApplied(customer, change.sourceRef())) {
                return Optional.of(new Result(before, false));
            }
            Instant now = clock.instant();
            CustomerPreferences after = change.applyTo(before, now);
            List<String> fields = changedFields(before, after);
            if (fields.isEmpty()) {
                return Optional.of(new Result(before, false));
            }
            // A wording version belongs to a consent: a change that subscribes.
            String wording = fields.contains("subscriptionState") && after.subscription() == SubscriptionState.SUBSCRIBED
                    ? change.wordingVersion() : null;
            EntryDoc entry = entry(now, fields, change.source(), change.actor(), wording, change.sourceRef(), change.note(),
                    after);
            List<StoredEvent> events = outbox.pending(new PreferencesChanged(customer, after, fields, change.source(),
                    change.actor(), wording, now));
            // Every change moves the version, so an unchanged version also means no entry with this sourceRef
            // was added since it was looked for; {_id, version} is a unique index the stand-in serves too.
            Criteria unchanged = Criteria.where("_id").is(customer.key()).and("version").is(before.version());
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
            handoffs.awaitForbidden(customer, before, after, stored.toPreferences().handoffs());
            return Optional.of(new Result(stored.toPreferences(), true));
        }
        throw new OptimisticLockingFailureException("Preferences of " + customer + " kept changing; try again");
    }

    /**
     * Removes what identifies the person from the preferences and the consent record, and the events still
     * waiting in the document; the proof stays.
     */
    public void erase(CustomerRef customer) {
        eraseAll(List.of(customer));
    }

    /**
     * {@link #erase} for customers of one batch: one read by id, one bulk of writes conditional on the version
     * read ({@code {_id, version}}, a unique index); a customer whose preferences changed meanwhile is read again.
     */
    public void eraseAll(Collection<CustomerRef> customers) {
        List<String> pending = customers.stream().map(CustomerRef::key).distinct().toList();
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            // Erased ones stay as they are: no change reaches erased preferences, so there is nothing new to scrub.
            List<PreferencesDocument> current = mongo.find(new Query(Criteria.where("_id").in(pending)),
                    PreferencesDocument.class).stream().filter(document -> !document.erased()).toList();
            if (current.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PreferencesDocument.class);
            for (PreferencesDocument document : current) {
                List<EntryDoc> anonymous = document.consents() == null ? List.of() : document.consents().stream()
                        .map(e -> new EntryDoc(e.id(), e.at(), e.changedFields(), e.source(), e.actor(), e.wordingVersion(),
                                e.sourceRef(), null, e.subscription(), e.muted(), e.channels(), null, e.orderConfirmations()))
                        .toList();
                bulk.updateOne(new Query(Criteria.where("_id").is(document.id()).and("version").is(document.version())),
                        new Update().set("erased", true).unset("language").set("consents", anonymous)
                                .set("version", document.version() + 1).set("updatedAt", now));
            }
            if (bulk.execute().getMatchedCount() == current.size()) {
                return;
            }
            // Some changed between the read and the write: those still not erased are read again.
            Query left = new Query(Criteria.where("_id").in(current.stream().map(PreferencesDocument::id).toList()));
            left.fields().include("erased", "version");
            pending = mongo.find(left, PreferencesDocument.class).stream()
                    .filter(document -> !document.erased()).map(PreferencesDocument::id).toList();
        }
        if (!pending.isEmpty()) {
            throw new OptimisticLockingFailureException("Preferences of " + pending + " kept changing during erasure");
        }
    }

    /** Default preferences for known customers that have none (customers known from before this service). */
    public void ensureExist(Collection<CustomerRef> customers) {
        customers.forEach(this::createDefault);
    }

    // --- internals -------------------------------------------------------------------------------------

    /** Whether a change with this sourceRef (an event id) is in the consent record: read by id, checked here. */
    private boolean alreadyApplied(CustomerRef customer, String sourceRef) {
        Query refs = new Query(Criteria.where("_id").is(customer.key()));
        refs.fields().include("consents.sourceRef");
        org.bson.Document found = mongo.findOne(refs, org.bson.Document.class, PreferencesDocument.COLLECTION);
        return found != null && found.getList("consents", org.bson.Document.class, List.of()).stream()
                .anyMatch(entry -> sourceRef.equals(entry.getString("sourceRef")));
    }

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

    private static EntryDoc entry(Instant at, List<String> fields, ConsentSource source, String actor,
            String wordingVersion, String sourceRef, String note, CustomerPreferences after) {
        return new EntryDoc(TimeOrderedIds.next().toString(), at, fields, source.name(), actor, wordingVersion, sourceRef, note,
                after.subscription().name(), after.muted(),
                new Channels(after.channels().email(), after.channels().sms(), after.channels().push()),
                after.language(), after.orderConfirmations());
    }
}
