package io.clientele.customer.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C-5, C-12: every column of every table customer-service keeps (schemas {@code public} and
 * {@code platform}), classified in this one place: personal data of a customer, and what erasure does to
 * it; or not personal, and why. {@code ErasureIT} compares this list with the database's own
 * ({@code information_schema.columns}) after the migrations ran, so a column added without a line here
 * fails the build; {@code PersonalDataIT} fills every personal free-text column with markers, checks that
 * the export shows each one and that none is left anywhere after the erasure.
 * <p>
 * Personal means: about the customer, or able to identify them. Staff logins (who changed what) are the
 * staff member's data, not the customer's, and stay as the business's record of who did what.
 */
public final class PersonalData {

    /** What erasure does to a column. */
    public enum Treatment {
        /** Personal: the rows holding it are deleted with the customer. */
        DELETED,
        /** Personal: set to null in rows that stay (anonymised). */
        CLEARED,
        /** Personal: rewritten without the person in rows that stay (a note says it was erased). */
        REWRITTEN,
        /** Not the customer's personal data; {@link Column#why()} says why. */
        NOT_PERSONAL;

        public boolean personal() {
            return this != NOT_PERSONAL;
        }
    }

    /**
     * @param freeText whether the column holds text people or partners wrote, in any shape (names, notes,
     *                 reasons, JSON of such), as opposed to coded values (ids, dates, enum codes, numbers)
     * @param why      for personal columns, what they hold; for the others, why they are not personal
     */
    public record Column(String schema, String table, String name, Treatment treatment, boolean freeText, String why) {

        public String qualifiedName() {
            return schema + "." + table + "." + name;
        }
    }

    private static final String RANDOM_ID = "a random id that names no one once the rows it points to are gone";
    private static final String WORKSPACE = "the business the data belongs to";
    private static final String STAFF = "a staff member's login (who did it): the staff member's data, not the customer's";
    private static final String HOUSEKEEPING = "bookkeeping of the row itself";

    private static final Map<String, Column> COLUMNS = new Builder()
            .table("public", "customer", "the customer record; deleted")
            .personal(Treatment.DELETED, true, "first_name", "last_name", "company_name", "email", "phone", "street",
                    "city", "postal_code", "vat_id", "custom_fields", "last_note_preview", "search_text", "email_key")
            .personal(Treatment.DELETED, false, "id", "birth_date", "gender", "country", "preferred_language",
                    "preferred_currency", "discount_percent", "customer_type", "source", "synced", "status", "stage",
                    "temperature", "subscription_state", "muted", "contact_state", "preferences_version",
                    "last_note_at", "created_at", "updated_at", "version")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "customer_status_change", "the customer's status history; deleted")
            .personal(Treatment.DELETED, true, "reason")
            .personal(Treatment.DELETED, false, "customer_id", "from_status", "to_status", "changed_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "changed_by")

            .table("public", "customer_erasure", "")
            .notPersonal("the proof of the erasure C-5 asks for: a random id that no longer names anyone",
                    "customer_id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("when the erasure happened: part of its proof", "erased_at")
            .notPersonal(STAFF, "erased_by")

            .table("public", "customer_note", "the team's notes about the customer; deleted")
            .personal(Treatment.DELETED, true, "text")
            .personal(Treatment.DELETED, false, "customer_id", "priority", "priority_rank", "created_at",
                    "updated_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "author")
            .notPersonal(HOUSEKEEPING, "version")

            .table("public", "customer_group", "")
            .notPersonal("the workspace's groups, named by staff, not about one customer", "id", "workspace_id",
                    "name", "description", "created_at", "updated_at", "version")

            .table("public", "customer_group_member", "the customer's group memberships; deleted")
            .personal(Treatment.DELETED, false, "customer_id", "added_at")
            .notPersonal("the workspace's group", "group_id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "workspace_settings", "")
            .notPersonal("the business's settings", "workspace_id", "regular_threshold", "default_country",
                    "language", "updated_at", "version")
            .notPersonal(STAFF, "updated_by")

            .table("public", "custom_field_definition", "")
            .notPersonal("the business's client card: field definitions, not values", "workspace_id", "key", "label",
                    "type", "options", "created_at")

            .table("public", "customer_identity", "a partner's own id for the customer; deleted")
            .personal(Treatment.DELETED, true, "external_id")
            .personal(Treatment.DELETED, false, "customer_id", "linked_at")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("which booking system", "partner")

            .table("public", "reservation", "a reservation; kept for the business's figures, without the customer")
            .personal(Treatment.CLEARED, true, "cancel_reason")
            .personal(Treatment.CLEARED, false, "customer_id")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("which booking system", "partner")
            .notPersonal("the partner's id of the reservation, not of the person: kept so that a late event finds the"
                    + " anonymised reservation rather than booking it again", "external_id")
            .notPersonal("what was booked, when and where, with whom of the staff: the business's offer, kept for"
                    + " its figures and linked to no one", "status", "service", "staff", "location", "starts_at",
                    "ends_at")
            .notPersonal("which partner event decided the state: ids and times the partner gave", "last_event_at",
                    "last_event_rank", "last_event_id")
            .notPersonal(HOUSEKEEPING, "created_at", "updated_at")

            .table("public", "timeline_entry", "the customer's timeline; deleted")
            .personal(Treatment.DELETED, true, "title", "details")
            .personal(Treatment.DELETED, false, "customer_id", "occurred_at", "type", "source_type", "source_id",
                    "source_href", "event_id", "recorded_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "timeline_planned_entry", "what is planned for the customer; deleted")
            .personal(Treatment.DELETED, true, "title", "details")
            .personal(Treatment.DELETED, false, "customer_id", "due_at", "type", "source_type", "source_id",
                    "source_href", "recorded_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "customer_order", "a quick order the customer placed, as far as the overview needs it;"
                    + " deleted (order-link-service keeps the business's own record of the order)")
            .personal(Treatment.DELETED, false, "customer_id", "order_id", "number", "status", "currency", "total",
                    "placed_at", "status_changed_at")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "customer_import", "an import job")
            .personal(Treatment.REWRITTEN, true, "failure")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("the file's name and form, chosen by staff for a file of many people: the import job's"
                    + " description, not a person's", "file_name", "format", "file_bytes", "encoding", "delimiter",
                    "layout", "columns")
            .notPersonal("the job's state and counts", "status", "dry_run", "rows_read", "created_count",
                    "updated_count", "unchanged_count", "rejected_count", "requested_at", "started_at",
                    "finished_at", "heartbeat_at", "undo_requested_at", "undone_at", "removed_count",
                    "restored_count", "kept_count")
            .notPersonal(STAFF, "requested_by", "undo_requested_by")

            .table("public", "customer_import_rejection", "a row an import refused, as the file had it; rows with the"
                    + " customer's e-mail or phone keep their number and reason codes, the rest is rewritten")
            .personal(Treatment.REWRITTEN, true, "cells", "reasons")
            .notPersonal("the import the row was in, and where", "import_id", "row_number")

            .table("public", "customer_import_change", "what an import did to the customer; deleted")
            .personal(Treatment.DELETED, true, "previous")
            .personal(Treatment.DELETED, false, "customer_id", "kind", "row_number", "changed_fields",
                    "version_after", "changed_at", "undone_at", "undo_outcome")
            .notPersonal("the import job", "import_id", "import_name")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "actor")

            .table("public", "flyway_schema_history", "")
            .notPersonal("the schema's migration history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "installed_by", "installed_on", "execution_time", "success")

            .table("platform", "flyway_schema_history", "")
            .notPersonal("the schema's migration history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "installed_by", "installed_on", "execution_time", "success")

            .table("platform", "outbox_event", "events about the customer not yet gone to Kafka, or kept after; deleted")
            .personal(Treatment.DELETED, true, "payload")
            .personal(Treatment.DELETED, false, "message_key")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal("the event's kind and place", "seq", "topic", "event_type")
            .notPersonal("the relay's bookkeeping; Kafka's answer about the record, never its content", "created_at",
                    "published_at", "attempts", "last_error", "failed_at")

            .table("platform", "inbox_event", "")
            .notPersonal("ids other services and partners gave their events, and when they were applied", "consumer",
                    "event_id", "processed_at")
            .notPersonal(WORKSPACE, "workspace_id")
            .build();

    private PersonalData() {
    }

    /** Every classified column, table by table. */
    public static List<Column> columns() {
        return List.copyOf(COLUMNS.values());
    }

    public static Optional<Column> column(String schema, String table, String name) {
        return Optional.ofNullable(COLUMNS.get(schema + "." + table + "." + name));
    }

    /** Collects columns table by table; a column named twice is a mistake in this list. */
    private static final class Builder {

        private final Map<String, Column> columns = new LinkedHashMap<>();
        private String schema;
        private String table;
        private String what;

        Builder table(String schema, String table, String what) {
            this.schema = schema;
            this.table = table;
            this.what = what;
            return this;
        }

        Builder personal(Treatment treatment, boolean freeText, String... names) {
            for (String name : names) {
                add(new Column(schema, table, name, treatment, freeText, what));
            }
            return this;
        }

        Builder notPersonal(String why, String... names) {
            for (String name : names) {
                add(new Column(schema, table, name, Treatment.NOT_PERSONAL, false, why));
            }
            return this;
        }

        private void add(Column column) {
            if (columns.putIfAbsent(column.qualifiedName(), column) != null) {
                throw new IllegalStateException(column.qualifiedName() + " is classified twice");
            }
        }

        Map<String, Column> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }
}
