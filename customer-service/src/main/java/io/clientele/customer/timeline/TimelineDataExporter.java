package io.clientele.customer.timeline;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * C-12: the whole timeline, planned and past, every page of it: the same entries (titles, details and
 * sources) staff see, imports' entries included.
 */
@Component
@Order(60)
class TimelineDataExporter implements CustomerDataExporter {

    private final TimelineQueries queries;

    TimelineDataExporter(TimelineQueries queries) {
        this.queries = queries;
    }

    record WholeTimeline(List<TimelineQueries.Item> planned, List<TimelineQueries.Item> past) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        TimelineQueries.Page page = queries.timeline(workspaceId, customerId, null, TimelineQueries.MAX_LIMIT, null);
        List<TimelineQueries.Item> planned = page.planned();
        List<TimelineQueries.Item> past = new ArrayList<>(page.past());
        while (page.nextCursor() != null) {
            page = queries.timeline(workspaceId, customerId, null, TimelineQueries.MAX_LIMIT, page.nextCursor());
            past.addAll(page.past());
        }
        return Map.of("timeline", new WholeTimeline(planned, past));
    }
}
