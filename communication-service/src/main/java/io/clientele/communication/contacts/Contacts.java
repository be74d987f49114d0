package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The contact read model. Applying a snapshot is idempotent and order-proof: a snapshot older than the
 * stored one changes nothing, and nothing changes an erased contact.
 *
 * <p>A batch is read with one query by id and written with one bulk write, each write conditional on the
 * version it read ({@code {_id, version}}, a unique index): a query naming exactly an index's keys is what
 * both MongoDB and its stand-in serve from the index; anything more (an {@code $or} on the snapshot time)
 * the stand-in answers by scanning the collection, once per event, which made a 50,000-customer import
 * take tens of minutes to reach this service.
 */
@Service
public class Contacts {

    private final MongoTemplate mongo;
    private final Clock clock;

    Contacts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Contact> find(CustomerRef customer) {
        return Optional.ofNullable(mongo.findById(customer.key(), ContactDocument.class)).map(ContactDocument::toContact);
    }

    /** By {@link CustomerRef#key()}; customers never heard of are absent. */
    public Map<String, Contact> findAll(Collection<CustomerRef> customers) {
        Map<String, Contact> found = new LinkedHashMap<>();
        documents(customers.stream().map(CustomerRef::key).distinct().toList())
                .forEach((key, document) -> found.put(key, document.toContact()));
        return found;
    }

    /** @return whether the snapshot was newer than what was stored (or the first) and so applied */
    public boolean apply(ContactSnapshot snapshot) {
        return applyAll(List.of(snapshot)).contains(snapshot.customer().key());
    }

    /**
     * Applies snapshots of distinct customers (a consumer's batch keeps one customer's events apart).
     *
     * @return the keys of the customers whose snapshot was newer than what was stored (or the first)
     */
    public List<String> applyAll(List<ContactSnapshot> snapshots) {
        List<String> applied = new ArrayList<>();
        List<ContactSnapshot> pending = snapshots;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 10) {
                throw new org.springframework.dao.OptimisticLockingFailureException(
                        "Contacts kept changing while a batch was applied: " + pending.size() + " left");
            }
            Map<String, ContactDocument> stored = documents(pending.stream().map(s -> s.customer().key()).toList());
            Instant now = clock.instant();
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ContactDocument.class);
            List<ContactSnapshot> written = new ArrayList<>();
            List<ContactSnapshot> inserted = new ArrayList<>();
            for (ContactSnapshot snapshot : pending) {
                ContactDocument current = stored.get(snapshot.customer().key());
                if (current == null) {
                    inserted.add(snapshot);
                } else if (!current.erased() && snapshot.updatedAt().equals(current.sourceUpdatedAt())) {
                    applied.add(snapshot.customer().key()); // delivered again: stored already
                } else if (!current.erased() && (current.sourceUpdatedAt() == null
                        || !current.sourceUpdatedAt().isAfter(snapshot.updatedAt()))) {
                    bulk.updateOne(new Query(Criteria.where("_id").is(current.id()).and("version").is(current.version())),
                            contactOf(snapshot, now).set("version", next(current.version())));
                    written.add(snapshot);
                }
            }
            List<ContactSnapshot> retry = new ArrayList<>();
            if (!written.isEmpty()) {
                // Unordered: each conditional write stands alone; the ones that lost a race are read again.
                int matched = bulk.execute().getMatchedCount();
                if (matched == written.size()) {
                    written.forEach(s -> applied.add(s.customer().key()));
                } else {
                    Map<String, ContactDocument> after = documents(written.stream().map(s -> s.customer().key()).toList());
                    for (ContactSnapshot snapshot : written) {
                        ContactDocument latest = after.get(snapshot.customer().key());
                        if (latest != null && snapshot.updatedAt().equals(latest.sourceUpdatedAt()) && !latest.erased()) {
                            applied.add(snapshot.customer().key());
                        } else {
                            retry.add(snapshot);
                        }
                    }
                }
            }
            for (ContactSnapshot snapshot : inserted) {
                try {
                    mongo.insert(new ContactDocument(snapshot.customer().key(), snapshot.customer().workspaceId().toString(),
                            snapshot.customer().customerId().toString(), snapshot.firstName(), snapshot.lastName(),
                            snapshot.companyName(), snapshot.email(), snapshot.phone(), snapshot.preferredLanguage(), false,
                            null, snapshot.updatedAt(), now, 1L));
                    applied.add(snapshot.customer().key());
                } catch (DuplicateKeyException createdMeanwhile) {
                    retry.add(snapshot);
                }
            }
            pending = retry;
        }
        return applied;
    }

    /** Purges the contact's personal data, keeping the fact of the erasure so later events are ignored. */
    public void erase(CustomerRef customer, Instant erasedAt) {
        eraseAll(Map.of(customer, erasedAt));
    }

    /** {@link #erase} for several customers in one bulk write. */
    public void eraseAll(Map<CustomerRef, Instant> erasures) {
        if (erasures.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ContactDocument.class);
        erasures.forEach((customer, erasedAt) -> bulk.upsert(new Query(Criteria.where("_id").is(customer.key())),
                new Update()
                        .setOnInsert("workspaceId", customer.workspaceId().toString())
                        .setOnInsert("customerId", customer.customerId().toString())
                        .set("erased", true)
                        .set("erasedAt", erasedAt)
                        .unset("firstName").unset("lastName").unset("companyName").unset("email").unset("phone")
                        .unset("preferredLanguage")
                        // a write that read the contact before this one must not find its version again
                        .inc("version", 1)
                        .set("storedAt", now)));
        bulk.execute();
    }

    private Map<String, ContactDocument> documents(List<String> keys) {
        Map<String, ContactDocument> found = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (ContactDocument document : mongo.find(new Query(Criteria.where("_id").in(keys)), ContactDocument.class)) {
            found.put(document.id(), document);
        }
        return found;
    }

    private static Update contactOf(ContactSnapshot snapshot, Instant now) {
        return new Update()
                .set("firstName", snapshot.firstName())
                .set("lastName", snapshot.lastName())
                .set("companyName", snapshot.companyName())
                .set("email", snapshot.email())
                .set("phone", snapshot.phone())
                .set("preferredLanguage", snapshot.preferredLanguage())
                .set("sourceUpdatedAt", snapshot.updatedAt())
                .set("storedAt", now);
    }

    private static long next(Long version) {
        return version == null ? 1 : version + 1;
    }
}
