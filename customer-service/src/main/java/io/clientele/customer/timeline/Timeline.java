package io.clientele.customer.timeline;

import java.sql.Timestamp;
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

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Timeline(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
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
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO timeline_entry (id, workspace_id, customer_id, occurred_at, type, title, details,
                                            source_type, source_id, source_href, event_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, event_id) WHERE event_id IS NOT NULL DO NOTHING""",
                entries.stream().map(entry -> new Object[] {UUID.randomUUID(), entry.workspaceId(), entry.customerId(),
                        Timestamp.from(entry.occurredAt()), entry.type().name(), title(entry.title()),
                        entry.details() == null || entry.details().isEmpty() ? null
                                : json.writeValueAsString(entry.details()),
                        entry.source().type(), entry.source().id(), entry.source().href(), entry.eventId(), now})
                        .toList());
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

    /** Forgets the entries of one source (a note that was deleted, say). */
    public void forget(UUID workspaceId, UUID customerId, String sourceType, String sourceId) {
        jdbc.update("DELETE FROM timeline_entry WHERE customer_id = ? AND workspace_id = ? AND source_type = ?"
                + " AND source_id = ?", customerId, workspaceId, sourceType, sourceId);
    }

    private static String title(String title) {
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}
