package io.clientele.scenario.privacy;

import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.platform.privacy.PersonalColumns.Column;
import io.clientele.platform.privacy.PersonalColumns.Treatment;
import java.util.List;

/**
 * C-5: every column of every table scenario-service keeps (schemas {@code public} and {@code platform}),
 * classified in this one place: personal data of a customer, and what {@code customer.erased.v1} does to it; or
 * not personal, and why. {@code PersonalDataIT} compares the list with the database's own columns after the
 * migrations ran, so a column added without a line here fails the build; it also fills every personal free-text
 * column with markers and checks that none is left anywhere after the erasure.
 * <p>
 * Everything about the customer goes: their enrollments with every planned and past step, their reservations,
 * and the send commands and scenario events still waiting in the outbox. What stays is the business's own
 * scenarios and a row saying the customer was erased, so that a late event cannot bring them back.
 */
public final class PersonalData {

    private static final String WORKSPACE = "the business the data belongs to";
    private static final String RANDOM_ID = "a random id that names no one once the rows it points to are gone";
    private static final String CUSTOMER_ID = "the customer's random id: kept on the erasure's mark so that late events"
            + " find it; it names no one once customer-service keeps only the tombstone";
    private static final String STAFF = "a staff member's login (who did it): the staff member's data, not the customer's";
    private static final String SCENARIO = "the business's own automation, written by its staff";

    private static final PersonalColumns COLUMNS = PersonalColumns.builder()
            .table("public", "scenario", "")
            .notPersonal(SCENARIO, "id", "name", "trigger", "active", "current_version", "ready_made", "created_at",
                    "updated_at")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "scenario_version", "")
            .notPersonal(SCENARIO, "scenario_id", "version", "definition", "created_at")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "created_by")

            .table("public", "customer", "what conditions and rules read of the customer; emptied, the row stays as"
                    + " the erasure's mark")
            .personal(Treatment.CLEARED, false, "language", "subscription", "status", "birth_date",
                    "next_birthday_at")
            .personal(Treatment.REWRITTEN, false, "synced")
            .notPersonal(CUSTOMER_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("when the erasure was applied: the proof of it", "erased_at")
            .notPersonal("bookkeeping of the row itself", "updated_at")

            .table("public", "reservation", "the customer's reservations as booking systems told them; deleted")
            .personal(Treatment.DELETED, true, "service", "staff", "location")
            .personal(Treatment.DELETED, false, "customer_id", "status", "starts_at", "ends_at", "occurred_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "enrollment", "the customer's scenarios, running and past; deleted")
            .personal(Treatment.DELETED, false, "scenario_id", "scenario_version", "customer_id", "reservation_id",
                    "active", "started_at", "started_by", "ended_at", "end_reason")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "planned_step", "every planned, done, skipped and cancelled step of the customer's"
                    + " enrollments; deleted with them")
            .personal(Treatment.DELETED, false, "enrollment_id", "step_id", "type", "title", "due_at", "anchor_seconds",
                    "status", "outcome", "done_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "campaign", "")
            .notPersonal("a staff member's campaign: a scenario, a group or the list's filters (never its text"
                    + " search), counts, state and customer-service's keyset cursor, sorted by creation (a time and a"
                    + " random id, no name)", "id", "scenario_id", "group_id", "filter", "state", "reason", "cursor",
                    "expected",
                    "pages", "seen", "enrolled", "skipped", "failed", "run_token", "lease_until", "created_at",
                    "updated_at", "finished_at")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "started_by")

            .table("public", "campaign_member", "what a campaign did with the customer; deleted")
            .personal(Treatment.DELETED, false, "customer_id", "outcome", "reason", "enrollment_id")
            .notPersonal("the campaign (staff's act, not the customer's data)", "campaign_id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "scheduled_tasks", "")
            .notPersonal("db-scheduler's timers: a planned step's random id and due time, or a customer's random id"
                    + " and the moment of their next birthday greeting (a moment in the year, not the date of birth);"
                    + " the timer of an erased customer fires, finds no step or birthday and does nothing", "task_name", "task_instance",
                    "task_data", "execution_time", "picked", "picked_by", "last_success", "last_failure",
                    "consecutive_failures", "last_heartbeat", "version", "priority")

            .table("public", "flyway_schema_history", "")
            .notPersonal("the schema's migration history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "installed_by", "installed_on", "execution_time", "success")

            .platformSchema("send commands and scenario events about the customer (with their reservation) not yet"
                    + " gone to Kafka, or kept after; deleted", Treatment.DELETED)
            .build();

    private PersonalData() {
    }

    public static List<Column> columns() {
        return COLUMNS.all();
    }

    public static List<String> qualifiedNames() {
        return COLUMNS.qualifiedNames();
    }

    public static List<Column> personalFreeText() {
        return COLUMNS.personalFreeText();
    }
}
