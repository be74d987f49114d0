package io.clientele.customer.booking;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** C-12: every reservation partners reported for the customer, and the ids partners know the customer by. */
@Component
@Order(40)
class BookingDataExporter implements CustomerDataExporter {

    private final ReservationQueries reservations;
    private final JdbcTemplate jdbc;

    BookingDataExporter(ReservationQueries reservations, JdbcTemplate jdbc) {
        this.reservations = reservations;
        this.jdbc = jdbc;
    }

    /** B-2: a partner's own id for the customer, and since when it points here. */
    record PartnerIdentity(String partner, String externalId, Instant linkedAt) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("reservations", reservations.all(workspaceId, customerId));
        List<PartnerIdentity> identities = jdbc.query("SELECT partner, external_id, linked_at FROM customer_identity"
                + " WHERE workspace_id = ? AND customer_id = ? ORDER BY linked_at, partner, external_id",
                (rs, i) -> new PartnerIdentity(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                workspaceId, customerId);
        sections.put("partnerIdentities", identities);
        return sections;
    }
}
