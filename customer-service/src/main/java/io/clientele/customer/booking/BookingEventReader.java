package io.clientele.customer.booking;

import io.clientele.customer.customers.BookingContact;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.Timestamps;
import io.clientele.platform.problem.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a partner's reservation event (a CloudEvent in structured JSON) and checks it against the
 * published contract (platform/contracts: booking.reservation-*.v1): what breaks it is reported field
 * by field, and such an event is never applied.
 */
final class BookingEventReader {

    private BookingEventReader() {
    }

    /** An event that cannot be applied, with every reason. */
    static final class UnreadableEvent extends Exception {

        private final List<FieldViolation> violations;

        UnreadableEvent(List<FieldViolation> violations) {
            super(describe(violations), null, false, false);
            this.violations = List.copyOf(violations);
        }

        List<FieldViolation> violations() {
            return violations;
        }

        private static String describe(List<FieldViolation> violations) {
            return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
        }
    }

    static ReservationEvent read(byte[] json) throws UnreadableEvent {
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(json);
        } catch (JacksonException notJson) {
            throw new UnreadableEvent(List.of(new FieldViolation("body", "json", "is not JSON: "
                    + notJson.getOriginalMessage())));
        }
        return read(event);
    }

    static ReservationEvent read(JsonNode event) throws UnreadableEvent {
        Check check = new Check();
        if (event == null || !event.isObject()) {
            throw new UnreadableEvent(List.of(new FieldViolation("body", "type", "must be a CloudEvent object")));
        }
        if (!"1.0".equals(text(event, "specversion"))) {
            check.fail("specversion", "must be 1.0");
        }
        String id = check.required(event, "id", 200);
        String source = check.required(event, "source", 200);
        String type = check.required(event, "type", 100);
        ReservationChange change = type == null ? null : ReservationChange.ofEventType(type).orElse(null);
        if (type != null && change == null) {
            check.fail("type", "'" + type + "' is not a reservation event type (booking.reservation-created.v1, "
                    + "-rescheduled.v1, -cancelled.v1, -completed.v1 or -no-show.v1)");
        }
        Instant time = check.instant(event, "time", true);
        String subject = check.required(event, "subject", 200);
        UUID workspace = check.uuid(event, "workspaceid");
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            check.fail("data", "must be an object with reservation and customer");
            throw new UnreadableEvent(check.violations);
        }
        JsonNode reservation = check.object(data, "reservation", "data.reservation");
        JsonNode customer = check.object(data, "customer", "data.customer");
        String externalId = check.required(reservation, "externalId", 200, "data.reservation.externalId");
        if (externalId != null && subject != null && !externalId.equals(subject)) {
            check.fail("subject", "must be the reservation's externalId ('" + externalId + "')");
        }
        Instant startsAt = check.instant(reservation, "startsAt", true, "data.reservation.startsAt");
        Instant endsAt = check.instant(reservation, "endsAt", false, "data.reservation.endsAt");
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            check.fail("data.reservation.endsAt", "must not be before startsAt");
        }
        BookingContact contact = new BookingContact(
                check.required(customer, "externalId", 200, "data.customer.externalId"),
                check.optional(customer, "firstName", 100, "data.customer.firstName"),
                check.optional(customer, "lastName", 100, "data.customer.lastName"),
                check.optional(customer, "email", 254, "data.customer.email"),
                check.optional(customer, "phone", 40, "data.customer.phone"),
                check.optional(customer, "language", 35, "data.customer.language"),
                check.booleanOrNull(customer, "marketingConsent", "data.customer.marketingConsent"));
        ReservationEvent read = new ReservationEvent(id, source, change, time, workspace, externalId,
                check.optional(reservation, "service", 200, "data.reservation.service"),
                check.optional(reservation, "staff", 200, "data.reservation.staff"),
                check.optional(reservation, "location", 200, "data.reservation.location"),
                startsAt, endsAt, check.optional(reservation, "reason", 500, "data.reservation.reason"), contact);
        if (!check.violations.isEmpty()) {
            throw new UnreadableEvent(check.violations);
        }
        return read;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** Collects every violation instead of stopping at the first. */
    private static final class Check {

        final List<FieldViolation> violations = new ArrayList<>();

        void fail(String field, String message) {
            violations.add(new FieldViolation(field, "contract", message));
        }

        String required(JsonNode node, String field, int max) {
            return required(node, field, max, field);
        }

        String required(JsonNode node, String field, int max, String path) {
            String value = optional(node, field, max, path);
            if (value == null && node != null && (node.get(field) == null || node.get(field).isNull()
                    || node.get(field).isString())) {
                fail(path, "is required");
            }
            return value;
        }

        String optional(JsonNode node, String field, int max, String path) {
            JsonNode value = node == null ? null : node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                fail(path, "must be a string");
                return null;
            }
            String text = value.asString().strip();
            if (text.length() > max) {
                fail(path, "must be at most " + max + " characters");
                return null;
            }
            return text.isEmpty() ? null : text;
        }

        Boolean booleanOrNull(JsonNode node, String field, String path) {
            JsonNode value = node == null ? null : node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                fail(path, "must be true, false or null");
                return null;
            }
            return value.asBoolean();
        }

        JsonNode object(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                fail(path, "must be an object");
                return null;
            }
            return value;
        }

        Instant instant(JsonNode node, String field, boolean required) {
            return instant(node, field, required, field);
        }

        Instant instant(JsonNode node, String field, boolean required, String path) {
            JsonNode value = node == null ? null : node.get(field);
            if (value == null || value.isNull()) {
                if (required && node != null) {
                    fail(path, "is required");
                }
                return null;
            }
            try {
                return Timestamps.parse(value.asString());
            } catch (DateTimeParseException | UnsupportedOperationException notATime) {
                fail(path, "must be an ISO 8601 timestamp with offset, e.g. 2026-11-28T10:00:00+01:00");
                return null;
            }
        }

        UUID uuid(JsonNode node, String field) {
            String value = text(node, field);
            if (value == null) {
                fail(field, "is required (the workspace's id)");
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException notAUuid) {
                fail(field, "must be a UUID");
                return null;
            }
        }
    }
}
