package io.clientele.orderlink.catalog;

import io.clientele.orderlink.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules read of the catalog: the active products that have a price in a currency (what a
 * customer paying in that currency can order), in one query, and the version that says whether a copy of
 * them is still current.
 */
@Component
public class Catalog {

    private static final String SELECT = """
            SELECT p.id, p.sku, p.name, p.description, p.image_url, p.category_id, c.name AS category_name, p.unit,
                   pp.amount
              FROM product p
              JOIN product_price pp ON pp.product_id = p.id AND pp.currency = ?
              LEFT JOIN category c ON c.id = p.category_id
             WHERE p.workspace_id = ? AND p.active""";

    private final JdbcTemplate jdbc;

    Catalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active product priced in the currency; the order is the caller's to choose (a language's). */
    public List<CatalogProduct> orderable(UUID workspaceId, Currency currency) {
        return jdbc.query(SELECT, (rs, n) -> row(rs, currency), currency.getCurrencyCode(), workspaceId);
    }

    /** The given products, if active and priced in the currency (an order's lines, read again at submit). */
    public List<CatalogProduct> orderable(UUID workspaceId, Currency currency, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " AND p.id = ANY(?)", (rs, n) -> row(rs, currency), currency.getCurrencyCode(),
                workspaceId, productIds.toArray(UUID[]::new));
    }

    /**
     * The workspace's catalog version: it grows with every change to a product, a base price or a category
     * (by trigger, in the changing transaction; V2__catalog_version.sql), in whichever instance made it. One
     * primary-key lookup; 0 for a workspace whose catalog never changed.
     */
    public long version(UUID workspaceId) {
        List<Long> version = jdbc.queryForList("SELECT version FROM catalog_version WHERE workspace_id = ?", Long.class,
                workspaceId);
        return version.isEmpty() ? 0 : version.getFirst();
    }

    public boolean productExists(UUID workspaceId, UUID productId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM product WHERE workspace_id = ? AND id = ?)", Boolean.class, workspaceId,
                productId));
    }

    public boolean categoryExists(UUID workspaceId, UUID categoryId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM category WHERE workspace_id = ? AND id = ?)", Boolean.class, workspaceId,
                categoryId));
    }

    private static CatalogProduct row(ResultSet rs, Currency currency) throws SQLException {
        return new CatalogProduct(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("image_url"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getString("unit"), Money.round(rs.getBigDecimal("amount"), currency));
    }
}
