package io.clientele.orderlink.orders;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** C-12: every order the customer placed, with its lines, their note and the status history. */
@Component
@Order(4)
class OrderExport implements CustomerDataExporter {

    private final OrderStore orders;

    OrderExport(OrderStore orders) {
        this.orders = orders;
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        return Map.of("orders", orders.allOf(workspaceId, customerId));
    }
}
