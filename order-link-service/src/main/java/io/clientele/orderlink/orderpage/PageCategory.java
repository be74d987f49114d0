package io.clientele.orderlink.orderpage;

import java.util.List;

/** @param name the category's name, or null for products without one (shown last) */
record PageCategory(String name, List<PageProduct> products) {
}
