package io.clientele.orderlink.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as staff see it.
 *
 * @param customerName the customer's name as this service knows it now (null once the customer is erased)
 */
public record OrderView(UUID id, long number, UUID customerId, String customerName, OrderStatus status,
        String currency, BigDecimal total, String note, String language, Instant placedAt, Instant updatedAt,
        long version, List<Line> lines, List<StatusChange> history) {

    public record Line(UUID productId, String sku, String name, String unit, int quantity, BigDecimal baseUnitPrice,
            BigDecimal unitPrice, BigDecimal lineTotal, String priceRule) {
    }

    public record StatusChange(OrderStatus from, OrderStatus to, Instant changedAt, String changedBy, String reason) {
    }
}
