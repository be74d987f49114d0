package io.clientele.communication.erasure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * C-5, C-12: every field of every collection communication-service keeps, classified in this one place:
 * personal data of a customer, and what the erasure does to it; or not personal, and why. MongoDB has no
 * schema to ask, so {@code PersonalDataIT} walks every document of every collection and fails on a field
 * path this list does not know; it also fills every personal free-text field with markers, checks that the
 * export shows each one and that none is left anywhere after the erasure.
 * <p>
 * Paths: {@code a.b} a field of a sub-document, {@code a[].b} a field of each element of an array,
 * {@code a.*} any key below {@code a} (maps whose keys are data, such as e-mail headers).
 */
public final class PersonalData {

    /** What the erasure does to a field. */
    public enum Treatment {
        /** Personal: removed from the document (or the document is deleted). */
        DELETED,
        /** Personal: set to null in documents that stay. */
        CLEARED,
        /** Personal: replaced by a neutral value (an inline subject by "One-off e-mail"). */
        REWRITTEN,
        /** Not the customer's personal data, or kept as proof without the person; {@link Field#why()} says why. */
        NOT_PERSONAL;

        public boolean personal() {
            return this != NOT_PERSONAL;
        }
    }

    /**
     * @param freeText whether the field holds text people wrote or that names them (names, addresses,
     *                 message texts, notes), as opposed to coded values (ids, dates, states, numbers)
     */
    public record Field(String collection, String path, Treatment treatment, boolean freeText, String why) {

        public String qualifiedName() {
            return collection + ":" + path;
        }

        boolean matches(String collection, String path) {
            return this.collection.equals(collection) && pattern().matcher(path).matches();
        }

        private Pattern pattern() {
            return Pattern.compile(Pattern.quote(path).replace("*", "\\E.+\\Q"));
        }
    }

    private static final String IDS = "the ids of the customer and the workspace: random, naming no one once the"
            + " personal fields are gone; kept so that late events find the erasure";
    private static final String STAFF = "a staff member's login (who did it): the staff member's data, not the customer's";
    private static final String PROOF = "the consent record's proof (when, what, from where, which wording): kept after"
            + " erasure as the law asks, linked to an id that names no one";
    private static final String LOG = "what was sent when, on which channel and why (the counts): kept after erasure,"
            + " in the service's own words, linked to an id that names no one";
    private static final String TYPE = "Spring Data's note of the Java type a document was written from";
    private static final String RELAY = "the outbox relay's bookkeeping, not the event's content";

    private static final List<Field> FIELDS = new Builder()
            .collection("contacts", "the customer's contact details copied from customer.events")
            .notPersonal(TYPE, "_class")
            .personal(Treatment.DELETED, true, "firstName", "lastName", "companyName", "email", "phone")
            .personal(Treatment.DELETED, false, "preferredLanguage")
            .notPersonal(IDS, "_id", "workspaceId", "customerId")
            .notPersonal("the fact and time of the erasure, so that late events bring nothing back", "erased",
                    "erasedAt")
            .notPersonal("when customer-service and this service last changed the copy", "sourceUpdatedAt",
                    "storedAt")
            .notPersonal("how many times the copy was written, for writes conditional on what was read", "version")

            .collection("preferences", "the customer's preferences and consent record")
            .notPersonal(TYPE, "_class")
            .personal(Treatment.CLEARED, true, "consents[].note")
            .personal(Treatment.DELETED, false, "language")
            .personal(Treatment.CLEARED, false, "consents[].language")
            .personal(Treatment.DELETED, false, "outbox[].payload")
            .notPersonal(IDS, "_id", "workspaceId", "customerId")
            .notPersonal(PROOF, "subscription", "muted", "channels.email", "channels.sms", "channels.push",
                    "orderConfirmations", "subscriptionSince", "subscriptionSource", "mutedSince", "createdAt",
                    "updatedAt", "erased", "consents[]._id", "consents[].at", "consents[].changedFields[]",
                    "consents[].source", "consents[].wordingVersion", "consents[].sourceRef",
                    "consents[].subscription", "consents[].muted", "consents[].channels.email",
                    "consents[].channels.sms", "consents[].channels.push", "consents[].orderConfirmations")
            .notPersonal(STAFF, "consents[].actor")
            .notPersonal("the sending policy's bookkeeping: versions, message ids and times", "version",
                    "marketingSeq", "marketingSends[].messageId", "marketingSends[].at", "handoffs[].messageId",
                    "handoffs[].channel", "handoffs[].marketing", "handoffs[].orderConfirmation", "handoffs[].until")
            .notPersonal(RELAY, "outbox[].eventId", "outbox[].type", "outbox[].topic", "outbox[].key",
                    "outbox[].time", "outbox[].traceparent", "outboxDue")

            .collection("messages", "a message to the customer")
            .notPersonal(TYPE, "_class")
            .personal(Treatment.DELETED, true, "inline.subject", "inline.text", "inline.html",
                    "variables.reservation.service", "variables.reservation.staff", "variables.reservation.location",
                    "variables.orderLink", "variables.custom.*", "content.to", "content.subject", "content.text",
                    "content.html", "outbox[].payload")
            // the headers carry the customer's own unsubscribe link: personal, but no text anyone typed
            .personal(Treatment.DELETED, false, "content.headers.*", "variables.reservation.startsAt",
                    "variables.reservation.endsAt",
                    "languageOverride", "content.from", "content.replyTo", "content.language", "content.templateId",
                    "content.templateVersion")
            .personal(Treatment.REWRITTEN, true, "title")
            .personal(Treatment.CLEARED, true, "decisions[].detail")
            .notPersonal(IDS, "_id", "workspaceId", "customerId")
            .notPersonal("the id the requester chose so a repeated request is recognised, and a one-way hash of"
                    + " what it asked", "requestId", "requestHash")
            .notPersonal(STAFF, "requestedBy")
            .notPersonal(LOG, "origin", "channel", "category", "purpose", "templateKey", "scenarioId", "stepId", "state",
                    "reasonCode", "reason", "notBefore", "dueAt", "attempts", "provider", "providerMessageId",
                    "erased", "createdAt", "updatedAt", "sentAt", "decisions[].at", "decisions[].outcome",
                    "decisions[].reasonCode", "decisions[].reason", "decisions[].dueAt", "decisions[].attempt",
                    "decisions[].checks[].rule", "decisions[].checks[].result", "decisions[].checks[].detail")
            .notPersonal("the sender's lease while it hands the message over", "lease.owner", "lease.token",
                    "lease.until")
            .notPersonal(RELAY, "outbox[].eventId", "outbox[].type", "outbox[].topic", "outbox[].key",
                    "outbox[].time", "outbox[].traceparent", "outboxDue")

            .collection("erasures", "")
            .notPersonal("the record of an erasure (C-5 asks for one) and its second pass", "_id", "workspaceId",
                    "customerId", "erasedAt", "again", "completedAt")

            .collection("outbox_failed", "an event Kafka refused for good, kept for operators")
            .personal(Treatment.DELETED, true, "payload")
            .notPersonal(RELAY, "_id", "collection", "documentId", "type", "topic", "key", "error", "failedAt")

            .collection("templates", "")
            .notPersonal(TYPE, "_class")
            .notPersonal("the workspace's templates, written by staff for every customer", "_id", "workspaceId",
                    "key", "channel", "language", "name", "subject", "text", "html", "version", "createdAt",
                    "updatedAt")
            .notPersonal(STAFF, "updatedBy")

            .collection("workspace_settings", "")
            .notPersonal(TYPE, "_class")
            .notPersonal("the business's settings", "_id", "timeZone", "timeZoneFromPhone", "quietHoursStart",
                    "quietHoursEnd", "marketingCapMessages", "marketingCapPeriod", "emailFrom", "emailName",
                    "replyTo", "smsSender", "defaultLanguage", "consentWordingVersion", "updatedAt")
            .notPersonal(STAFF, "updatedBy")

            .collection("relay_leases", "")
            .notPersonal(RELAY, "_id", "owner", "until")
            .build();

    private PersonalData() {
    }

    public static List<Field> fields() {
        return FIELDS;
    }

    /** The classification of a field path as stored (arrays as {@code []}), if any. */
    public static Optional<Field> field(String collection, String path) {
        return FIELDS.stream().filter(field -> field.matches(collection, path)).findFirst();
    }

    private static final class Builder {

        private final Map<String, Field> fields = new LinkedHashMap<>();
        private String collection;
        private String what;

        Builder collection(String collection, String what) {
            this.collection = collection;
            this.what = what;
            return this;
        }

        Builder personal(Treatment treatment, boolean freeText, String... paths) {
            for (String path : paths) {
                add(new Field(collection, path, treatment, freeText, what));
            }
            return this;
        }

        Builder notPersonal(String why, String... paths) {
            for (String path : paths) {
                add(new Field(collection, path, Treatment.NOT_PERSONAL, false, why));
            }
            return this;
        }

        private void add(Field field) {
            if (fields.putIfAbsent(field.qualifiedName(), field) != null) {
                throw new IllegalStateException(field.qualifiedName() + " is classified twice");
            }
        }

        List<Field> build() {
            return Collections.unmodifiableList(new ArrayList<>(fields.values()));
        }
    }
}
