package io.clientele.customer.integration.out;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events about customers still held in the outbox: waiting for Kafka (during an outage, thousands
 * may wait), kept after publication for inspection, or set aside as refused. They carry the customer's
 * data as it was (names, e-mail, a status change's reason), so an erasure takes them out; the
 * {@code customer.erased.v1} recorded after them tells the other services all they still need.
 */
@Component
class WaitingEvents {

    private final JdbcTemplate jdbc;

    WaitingEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return how many events were taken out. A relay round already sending one of them only finds it gone
     *         when it marks it; what Kafka has is the topic's retention's to forget.
     */
    int forget(UUID workspaceId, Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        // Keyed by customer id; the workspace is in the CloudEvent, so another workspace's rows never match.
        return jdbc.update(con -> {
            var statement = con.prepareStatement("DELETE FROM platform.outbox_event WHERE topic = ?"
                    + " AND message_key = ANY (?) AND payload::jsonb ->> 'workspaceid' = ?");
            statement.setString(1, CustomerEventsV1.TOPIC);
            statement.setArray(2, con.createArrayOf("text", customerIds.stream().map(UUID::toString).toArray()));
            statement.setString(3, workspaceId.toString());
            return statement;
        });
    }
}
