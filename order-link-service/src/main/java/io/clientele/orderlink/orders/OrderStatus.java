package io.clientele.orderlink.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * O-5: where an order is. It moves forward only: NEW, CONFIRMED, IN_PRODUCTION, SHIPPED; any order not
 * yet shipped may be CANCELLED. SHIPPED and CANCELLED are final.
 */
public enum OrderStatus {
    NEW, CONFIRMED, IN_PRODUCTION, SHIPPED, CANCELLED;

    /** The statuses an order in this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(IN_PRODUCTION, CANCELLED);
            case IN_PRODUCTION -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Still under way: neither shipped nor cancelled, so it may still move. */
    public boolean isOpen() {
        return !next().isEmpty();
    }

    /** Every status of an order still under way. */
    public static Set<OrderStatus> open() {
        Set<OrderStatus> open = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus status : values()) {
            if (status.isOpen()) {
                open.add(status);
            }
        }
        return open;
    }

    public boolean mayMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
