package io.clientele.orderlink.catalog;

import java.util.UUID;

/** A category of the catalog; the page lists categories by position, then by name. */
record CategoryView(UUID id, String name, int position, long products) {
}
