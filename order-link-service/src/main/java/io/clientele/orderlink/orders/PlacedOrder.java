package io.clientele.orderlink.orders;

import java.util.UUID;

/** @param created false when the submission had placed it already (a double click, a retried POST) */
public record PlacedOrder(UUID id, long number, boolean created) {
}
