package io.clientele.orderlink.privacy;

import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.platform.privacy.PersonalColumns.Column;
import io.clientele.platform.privacy.PersonalColumns.Treatment;
import java.util.List;

/**
 * C-5, C-12: every column of every table order-link-service keeps (schemas {@code public} and
 * {@code platform}), classified in this one place: personal data of a customer, and what
 * {@code customer.erased.v1} does to it; or not personal, and why. {@code PersonalDataIT} compares the list
 * with the database's own columns after the migrations ran, so a column added without a line here fails the
 * build; it also fills every personal free-text column with markers, checks that the export shows each one
 * and that none is left after the erasure.
 * <p>
 * An order stays after the erasure: it is the business's record of a sale (its accounts must keep it),
 * linked by a random customer id to no one once customer-service keeps only the erasure's tombstone. What
 * the customer wrote into it (the note) and what staff wrote about it (reasons) goes.
 */
public final class PersonalData {

    private static final String WORKSPACE = "the business the data belongs to";
    private static final String RANDOM_ID = "a random id that names no one once the rows it points to are gone";
    private static final String CUSTOMER_ID = "the customer's random id: kept on what stays so that late events find"
            + " the erasure; it names no one once customer-service keeps only the tombstone";
    private static final String STAFF = "a staff member's login (who did it): the staff member's data, not the customer's";
    private static final String SALE = "the business's record of a sale (what, how many, at what price, when):"
            + " kept for its accounts, linked to no one after the erasure";
    private static final String HOUSEKEEPING = "bookkeeping of the row itself";

    private static final PersonalColumns COLUMNS = PersonalColumns.builder()
            .table("public", "workspace_branding", "")
            .notPersonal("what the public page shows of the business", "workspace_id", "business_name", "logo_url",
                    "default_language", "default_currency", "updated_at")

            .table("public", "category", "")
            .notPersonal("the business's catalog", "id", "workspace_id", "name", "position", "created_at")

            .table("public", "product", "")
            .notPersonal("the business's catalog", "id", "workspace_id", "sku", "name", "description", "image_url",
                    "category_id", "active", "unit", "created_at", "updated_at", "version")

            .table("public", "product_price", "")
            .notPersonal("the business's price list", "product_id", "currency", "workspace_id", "amount")

            .table("public", "catalog_version", "")
            .notPersonal("a counter of the business's catalog changes (the order page's cache)", "workspace_id",
                    "version")

            .table("public", "customer", "what this service knows of the customer; emptied, the row stays as the"
                    + " erasure's mark so that a late customer.updated.v1 cannot bring the customer back")
            .personal(Treatment.CLEARED, true, "display_name")
            .personal(Treatment.CLEARED, false, "language", "currency")
            .personal(Treatment.REWRITTEN, false, "discount_percent", "status")
            .notPersonal(CUSTOMER_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("when the erasure was applied: the proof of it", "erased_at")
            .notPersonal(HOUSEKEEPING, "updated_at")

            .table("public", "price_modifier", "the customer's own prices; deleted")
            .personal(Treatment.DELETED, false, "customer_id", "target_type", "target_id", "percent", "currency",
                    "amount", "created_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")

            .table("public", "quick_order_link", "the customer's quick-order links and when they were opened; deleted")
            .personal(Treatment.DELETED, false, "customer_id", "token_hash", "created_at", "expires_at", "revoked_at",
                    "last_opened_at")
            .notPersonal(RANDOM_ID, "id")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal(STAFF, "created_by")

            .table("public", "order_number", "")
            .notPersonal("the workspace's last order number", "workspace_id", "last_number")

            .table("public", "customer_order", "an order; kept for the business's accounts, without the customer's note")
            .personal(Treatment.CLEARED, true, "note")
            .notPersonal(CUSTOMER_ID, "customer_id")
            .notPersonal(SALE, "id", "number", "status", "currency", "total", "placed_at", "updated_at", "version")
            .notPersonal(WORKSPACE, "workspace_id")
            .notPersonal("the page's language (one of the business's four) that the confirmation was written in",
                    "language")
            .notPersonal("which link the order came through and the form's random key: ids that name no one",
                    "link_id", "idempotency_key")

            .table("public", "order_line", "")
            .notPersonal(SALE, "order_id", "line_no", "product_id", "sku", "name", "unit", "quantity",
                    "base_unit_price", "unit_price", "line_total", "price_rule")

            .table("public", "order_status_change", "an order's history; kept, without the reasons staff wrote")
            .personal(Treatment.CLEARED, true, "reason")
            .notPersonal(SALE, "order_id", "seq", "from_status", "to_status", "changed_at")
            .notPersonal(STAFF + "; the customer's own placing reads 'customer:' and their random id", "changed_by")

            .table("public", "flyway_schema_history", "")
            .notPersonal("the schema's migration history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "installed_by", "installed_on", "execution_time", "success")

            .platformSchema("order events about the customer (a note, a reason) not yet gone to Kafka, or kept after;"
                    + " deleted", Treatment.DELETED)
            .build();

    private PersonalData() {
    }

    /** Every classified column, table by table. */
    public static List<Column> columns() {
        return COLUMNS.all();
    }

    public static List<String> qualifiedNames() {
        return COLUMNS.qualifiedNames();
    }

    public static List<Column> personalFreeText() {
        return COLUMNS.personalFreeText();
    }
}
