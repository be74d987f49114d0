package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The contact read model. Applying a snapshot is idempotent and order-proof: a snapshot older than the
 * stored one changes nothing, and nothing changes an erased contact.
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
        if (customers.isEmpty()) {
            return found;
        }
        List<String> keys = customers.stream().map(CustomerRef::key).distinct().toList();
        for (ContactDocument document : mongo.find(new Query(Criteria.where("_id").in(keys)), ContactDocument.class)) {
            found.put(document.id(), document.toContact());
        }
        return found;
    }

    /** @return whether the snapshot was newer than what was stored (or the first) and so applied */
    public boolean apply(ContactSnapshot snapshot) {
        CustomerRef customer = snapshot.customer();
        Query olderOrAbsent = new Query(Criteria.where("_id").is(customer.key()).and("erased").ne(true)
                .orOperator(Criteria.where("sourceUpdatedAt").lte(snapshot.updatedAt()),
                        Criteria.where("sourceUpdatedAt").exists(false)));
        Update update = new Update()
                .setOnInsert("workspaceId", customer.workspaceId().toString())
                .setOnInsert("customerId", customer.customerId().toString())
                .setOnInsert("erased", false)
                .set("firstName", snapshot.firstName())
                .set("lastName", snapshot.lastName())
                .set("companyName", snapshot.companyName())
                .set("email", snapshot.email())
                .set("phone", snapshot.phone())
                .set("preferredLanguage", snapshot.preferredLanguage())
                .set("sourceUpdatedAt", snapshot.updatedAt())
                .set("storedAt", clock.instant());
        try {
            mongo.upsert(olderOrAbsent, update, ContactDocument.class);
            return true;
        } catch (DuplicateKeyException newerOrErased) {
            // The document exists but did not match: a newer snapshot is stored, or the customer was erased.
            return false;
        }
    }

    /** Purges the contact's personal data, keeping the fact of the erasure so later events are ignored. */
    public void erase(CustomerRef customer, Instant erasedAt) {
        Update update = new Update()
                .setOnInsert("workspaceId", customer.workspaceId().toString())
                .setOnInsert("customerId", customer.customerId().toString())
                .set("erased", true)
                .set("erasedAt", erasedAt)
                .unset("firstName").unset("lastName").unset("companyName").unset("email").unset("phone")
                .unset("preferredLanguage")
                .set("storedAt", clock.instant());
        mongo.upsert(new Query(Criteria.where("_id").is(customer.key())), update, ContactDocument.class);
    }
}
