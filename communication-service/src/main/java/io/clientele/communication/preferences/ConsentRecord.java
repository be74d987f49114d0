package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.communication.preferences.PreferencesDocument.EntryDoc;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the consent record (M-2) for staff and for export. Written only by {@link Preferences}, in the same
 * write as each change it proves; read here on its own, because it is the one part of the document that
 * grows without bound and that nothing deciding about a message needs.
 */
@Service
class ConsentRecord {

    private final MongoTemplate mongo;

    ConsentRecord(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A customer's entries, oldest first; empty when the customer has no preferences. */
    Optional<List<ConsentEntry>> of(CustomerRef customer) {
        Query query = new Query(Criteria.where("_id").is(customer.key()));
        query.fields().exclude(EventOutbox.FIELD);
        PreferencesDocument document = mongo.findOne(query, PreferencesDocument.class);
        return Optional.ofNullable(document).map(ConsentRecord::entries);
    }

    /** Every customer of the workspace with its consent record, for the workspace-wide export. */
    void forEachCustomer(UUID workspaceId, Consumer<CustomerConsents> each) {
        Query query = new Query(Criteria.where("workspaceId").is(workspaceId.toString())).with(Sort.by("_id"));
        query.fields().exclude(EventOutbox.FIELD);
        try (Stream<PreferencesDocument> documents = mongo.stream(query, PreferencesDocument.class)) {
            documents.forEach(document -> each.accept(new CustomerConsents(UUID.fromString(document.customerId()),
                    entries(document))));
        }
    }

    record CustomerConsents(UUID customerId, List<ConsentEntry> entries) {
    }

    private static List<ConsentEntry> entries(PreferencesDocument document) {
        return document.consents() == null ? List.of() : document.consents().stream().map(EntryDoc::toEntry).toList();
    }
}
