package io.clientele.customer.timeline;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.jdbc.PostgresCopy;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the timeline. Called inside the transaction of the change it records, so an entry exists
 * exactly when its change does.
 */
@Component
public class Timeline {

    static final int MAX_TITLE = 500;
    private static final int COPY_THRESHOLD = 200;
    private static final List<String> COLUMNS = List.of("id", "workspace_id", "customer_id", "occurred_at", "type",
            "title", "details", "source_type", "source_id", "source_href", "event_id", "recorded_at");

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final JsonMapper json;
    private final Clock clock;

    Timeline(JdbcTemplate jdbc, PostgresCopy copy, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.json = json;
        this.clock = clock;
    }

    public void record(TimelineEntry entry) {
        record(List.of(entry));
    }

    /** Records entries; an entry whose event was recorded before is skipped. */
    public void record(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() >= COPY_THRESHOLD && entries.stream().allMatch(entry -> entry.eventId() == null)) {
            // Thousands at a time (an import): COPY; there is no event id to de-duplicate by.
            Instant now = clock.instant();
            copy.copy("timeline_entry", COLUMNS, entries, (entry, line) -> line.value(TimeOrderedIds.next())
                    .value(entry.workspaceId()).value(entry.customerId()).value(entry.occurredAt())
                    .value(entry.type()).text(title(entry.title())).text(detailsJson(entry))
                    .text(entry.source().type()).text(entry.source().id()).text(entry.source().href())
                    .text(null).value(now));
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO timeline_entry (id, workspace_id, customer_id, occurred_at, type, title, details,
                                            source_type, source_id, source_href, event_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, event_id) WHERE event_id IS NOT NULL DO NOTHING""",
                entries.stream().map(entry -> new Object[] {TimeOrderedIds.next(), entry.workspaceId(), entry.customerId(),
                        Timestamp.from(entry.occurredAt()), entry.type().name(), title(entry.title()),
                        detailsJson(entry),
                        entry.source().type(), entry.source().id(), entry.source().href(), entry.eventId(), now})
                        .toList());
    }

    /** Plans an entry, or moves it when its source was planned already (a message deferred again). */
    public void plan(PlannedEntry entry) {
        jdbc.update("""
                INSERT INTO timeline_planned_entry (id, workspace_id, customer_id, due_at, type, title, details,
                                                    source_type, source_id, source_href, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (customer_id, source_type, source_id) DO UPDATE SET due_at = excluded.due_at,
                    title = excluded.title, details = excluded.details, recorded_at = excluded.recorded_at""",
                TimeOrderedIds.next(), entry.workspaceId(), entry.customerId(), Timestamp.from(entry.dueAt()), entry.type().name(),
                title(entry.title()), entry.details() == null || entry.details().isEmpty() ? null
                        : json.writeValueAsString(entry.details()), entry.source().type(), entry.source().id(),
                entry.source().href(), Timestamp.from(clock.instant()));
    }

    /** The planned entry of a source is no longer ahead: it happened, or was called off. */
    public void unplan(UUID workspaceId, UUID customerId, String sourceType, String sourceId) {
        jdbc.update("DELETE FROM timeline_planned_entry WHERE customer_id = ? AND workspace_id = ? AND source_type = ?"
                + " AND source_id = ?", customerId, workspaceId, sourceType, sourceId);
    }

    /** Retells the entries of one source (a note that was edited, say); the details given are merged in. */
    public void revise(UUID workspaceId, UUID customerId, String sourceType, String sourceId, String title,
            Map<String, Object> details) {
        jdbc.update("""
                UPDATE timeline_entry SET title = ?, details = coalesce(details, '{}'::jsonb) || ?::jsonb
                WHERE customer_id = ? AND workspace_id = ? AND source_type = ? AND source_id = ?""",
                title(title), json.writeValueAsString(details == null ? Map.of() : details),
                customerId, workspaceId, sourceType, sourceId);
    }

    /** Forgets everything about customers that are erased (entries carry no foreign key to them). */
    public void forgetCustomers(UUID workspaceId, List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement("DELETE FROM timeline_entry WHERE workspace_id = ? AND customer_id = ANY (?)");
            statement.setObject(1, workspaceId);
            statement.setArray(2, con.createArrayOf("uuid", customerIds.toArray()));
            return statement;
        });
    }

    /** Forgets the entries of one source (a note that was deleted, say). */
    public void forget(UUID workspaceId, UUID customerId, String sourceType, String sourceId) {
        jdbc.update("DELETE FROM timeline_entry WHERE customer_id = ? AND workspace_id = ? AND source_type = ?"
                + " AND source_id = ?", customerId, workspaceId, sourceType, sourceId);
    }

    private String detailsJson(TimelineEntry entry) {
        return entry.details() == null || entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
    }

    private static String title(String title) {
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}
