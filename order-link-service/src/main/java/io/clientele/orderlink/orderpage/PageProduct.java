package io.clientele.orderlink.orderpage;

/**
 * One product as the page shows it, prices already formatted in the customer's language and currency.
 *
 * @param basePrice shown struck through beside the personal price, or null when they are the same
 * @param unit      "per box", in the page's language
 * @param quantity  what the customer entered (kept when the form comes back with an error), or empty
 */
record PageProduct(String id, String sku, String name, String description, String imageUrl, String unit,
        String basePrice, String price, String quantity, String error) {
}
