package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The read model of one customer; {@code _id} is {@link CustomerRef#key()}. {@code version} counts the writes
 * (absent on documents written before it existed), so a write can be made conditional on what was read.
 */
@Document(ContactDocument.COLLECTION)
record ContactDocument(@Id String id, String workspaceId, String customerId, String firstName, String lastName,
        String companyName, String email, String phone, String preferredLanguage, boolean erased, Instant erasedAt,
        Instant sourceUpdatedAt, Instant storedAt, Long version) {

    static final String COLLECTION = "contacts";

    Contact toContact() {
        return new Contact(CustomerRef.of(workspaceId, customerId), firstName, lastName, companyName, email, phone,
                preferredLanguage, erased, sourceUpdatedAt);
    }
}
