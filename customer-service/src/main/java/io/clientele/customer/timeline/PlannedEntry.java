package io.clientele.customer.timeline;

import io.clientele.customer.timeline.TimelineEntry.Source;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something scheduled for a customer by another part of the platform (a deferred message, a scenario
 * step): shown in the timeline's planned part until it happens or is called off. One per source.
 */
public record PlannedEntry(UUID workspaceId, UUID customerId, Instant dueAt, TimelineType type, String title,
        Map<String, Object> details, Source source) {
}
