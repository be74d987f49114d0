package io.clientele.orderlink.customers;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.inbox.Inbox;
import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What order-link-service reads of {@code customer.events}: its own trimmed copy of the customer
 * (platform/contracts has the full schemas). Types it does not follow (notes, reservations) are passed by.
 */
final class CustomerEventsV1 {

    static final String CREATED = "customer.created.v1";
    static final String UPDATED = "customer.updated.v1";
    static final String STATUS_CHANGED = "customer.status-changed.v1";
    static final String ERASED = "customer.erased.v1";

    private CustomerEventsV1() {
    }

    /** One event to apply: a whole customer (created, updated), a status, or an erasure. */
    record Received(String eventId, UUID workspaceId, String type, UUID customerId, Snapshot customer, String status) {

        /** The inbox's key: the event's workspace and id. */
        Inbox.Delivery delivery() {
            return new Inbox.Delivery(workspaceId, eventId);
        }
    }

    record Snapshot(String displayName, String language, String currency, BigDecimal discountPercent, String status) {
    }

    /** @return the event, or null when it is of a type this service does not follow */
    static Received read(byte[] value) throws UnreadableEvent {
        JsonNode event = EventFields.parse(value);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        Received received = switch (envelope.type()) {
            case CREATED, UPDATED -> {
                JsonNode customer = check.object(data, "customer", "data.customer", true);
                UUID id = check.uuid(customer, "id", "data.customer.id", true);
                String first = check.text(customer, "firstName", "data.customer.firstName", 200, false);
                String last = check.text(customer, "lastName", "data.customer.lastName", 200, false);
                String company = check.text(customer, "companyName", "data.customer.companyName", 200, false);
                String name = company != null ? company
                        : String.join(" ", java.util.stream.Stream.of(first, last).filter(java.util.Objects::nonNull).toList());
                Snapshot snapshot = new Snapshot(name.isBlank() ? null : name,
                        check.text(customer, "preferredLanguage", "data.customer.preferredLanguage", 35, false),
                        check.text(customer, "preferredCurrency", "data.customer.preferredCurrency", 3, false),
                        percent(check, customer),
                        check.text(customer, "status", "data.customer.status", 20, false));
                yield new Received(envelope.id(), envelope.workspaceId(), envelope.type(), id, snapshot, snapshot.status());
            }
            case STATUS_CHANGED -> new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                    check.uuid(data, "customerId", "data.customerId", true), null,
                    check.text(data, "to", "data.to", 20, true));
            case ERASED -> new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                    check.uuid(data, "customerId", "data.customerId", true), null, null);
            default -> null;
        };
        check.done();
        return received;
    }

    /** discountPercent: a number from 0 to 100 (a string is a violation, never parsed); absent is 0. */
    private static BigDecimal percent(EventFields check, JsonNode customer) {
        JsonNode value = customer == null ? null : customer.get("discountPercent");
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!value.isNumber()) {
            check.fail("data.customer.discountPercent", "must be a number");
            return null;
        }
        BigDecimal percent = value.decimalValue();
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            check.fail("data.customer.discountPercent", "must be between 0 and 100");
            return null;
        }
        return percent;
    }
}
