package io.clientele.communication.integration.in;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.integration.in.CustomerEventReader.Created;
import io.clientele.communication.integration.in.CustomerEventReader.CustomerEvent;
import io.clientele.communication.integration.in.CustomerEventReader.CustomerV1;
import io.clientele.communication.integration.in.CustomerEventReader.Erased;
import io.clientele.communication.integration.in.CustomerEventReader.Updated;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.preferences.Preferences;
import io.clientele.communication.preferences.SubscriptionState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A batch applied in segments comes out as the same events applied one by one would: one customer's
 * events in order (an older snapshot after a newer one changes nothing, nothing brings an erased customer
 * back), and the whole batch delivered again changes nothing.
 */
@CommunicationIT
class CustomerEventBatchesIT {

    @Autowired
    CustomerEventsProjection projection;
    @Autowired
    Contacts contacts;
    @Autowired
    Preferences preferences;
    @Autowired
    MongoTemplate mongo;

    final UUID workspace = UUID.randomUUID();
    final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void oneCustomersEventsInOneBatchApplyInOrderAndARedeliveryChangesNothing() {
        UUID jana = UUID.randomUUID();
        UUID petr = UUID.randomUUID();
        UUID eva = UUID.randomUUID();
        List<CustomerEvent> batch = List.of(
                created(jana, "Jana", t0, true),
                created(petr, "Petr", t0, false),
                updated(jana, "Janička", t0.plusSeconds(60)),
                erased(petr),
                updated(jana, "Older", t0.plusSeconds(30)),
                created(petr, "Petr again", t0.plusSeconds(90), true),
                created(eva, "Eva", t0, false),
                updated(eva, "Eva", t0.plusSeconds(5)));

        projection.applyAll(batch);

        Contact janaContact = contacts.find(ref(jana)).orElseThrow();
        assertThat(janaContact.firstName()).isEqualTo("Janička");
        assertThat(contacts.find(ref(petr)).orElseThrow().erased()).isTrue();
        assertThat(contacts.find(ref(petr)).orElseThrow().firstName()).isNull();
        CustomerPreferences janaPreferences = preferences.find(ref(jana)).orElseThrow();
        assertThat(janaPreferences.subscription()).isEqualTo(SubscriptionState.SUBSCRIBED);
        assertThat(preferences.find(ref(petr)).orElseThrow().erased()).isTrue();
        assertThat(preferences.find(ref(eva)).orElseThrow().subscription()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        List<Document> before = documents();

        projection.applyAll(batch);

        assertThat(documents()).isEqualTo(before);
    }

    private List<Document> documents() {
        Query ours = new Query(Criteria.where("workspaceId").is(workspace.toString()));
        // what a redelivery may touch without changing anything: when it was stored, and the write count
        ours.fields().exclude("storedAt").exclude("version").exclude("outbox").exclude("outboxDue");
        List<Document> all = new java.util.ArrayList<>(mongo.find(ours, Document.class, "contacts"));
        all.addAll(mongo.find(ours, Document.class, "preferences"));
        all.sort(java.util.Comparator.comparing(d -> String.valueOf(d.get("_id"))));
        return all;
    }

    private CustomerRef ref(UUID customer) {
        return new CustomerRef(workspace, customer);
    }

    private Created created(UUID customer, String name, Instant at, boolean consent) {
        return new Created(UUID.randomUUID().toString(), workspace, person(customer, name, at), consent, "IMPORT",
                "staff-1");
    }

    private Updated updated(UUID customer, String name, Instant at) {
        return new Updated(UUID.randomUUID().toString(), workspace, person(customer, name, at), null, null, "staff-1");
    }

    private Erased erased(UUID customer) {
        return new Erased(UUID.randomUUID().toString(), workspace, customer, t0.plusSeconds(45));
    }

    private static CustomerV1 person(UUID customer, String name, Instant at) {
        return new CustomerV1(customer, name, "Nováková", null, name.toLowerCase().replace(' ', '.') + "@example.cz",
                "+420777123456", "cs", at);
    }
}
