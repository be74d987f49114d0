package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import io.clientele.platform.privacy.CustomerDataExporter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** C-12: the contact details this service copied from customer-service's events. */
@Component
@Order(10)
class ContactsDataExporter implements CustomerDataExporter {

    private final Contacts contacts;

    ContactsDataExporter(Contacts contacts) {
        this.contacts = contacts;
    }

    /** @param asOf when customer-service last changed what is copied here */
    record ContactView(String firstName, String lastName, String companyName, String email, String phone,
            String preferredLanguage, boolean erased, Instant asOf) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        CustomerRef customer = new CustomerRef(workspaceId, customerId);
        Map<String, Object> section = new HashMap<>();
        section.put("contact", contacts.find(customer).map(c -> new ContactView(c.firstName(), c.lastName(),
                c.companyName(), c.email(), c.phone(), c.preferredLanguage(), c.erased(), c.sourceUpdatedAt()))
                .orElse(null));
        return section;
    }
}
