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

    /**
     * This product at a price, the base price struck through beside it or not.
     *
     * @param basePrice the formatted base price to strike through, or null
     */
    PageProduct priced(String newPrice, String basePrice) {
        return new PageProduct(id, sku, name, description, imageUrl, unit, basePrice, newPrice, quantity, error);
    }

    /** This product with what the customer entered for it, and the message key of its error (or null). */
    PageProduct entered(String newQuantity, String newError) {
        return new PageProduct(id, sku, name, description, imageUrl, unit, basePrice, price, newQuantity, newError);
    }
}
