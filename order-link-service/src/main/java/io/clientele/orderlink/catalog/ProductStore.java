package io.clientele.orderlink.catalog;

import io.clientele.orderlink.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Products and their base prices, always within one workspace. */
@Repository
class ProductStore {

    private static final String SELECT = """
            SELECT p.id, p.sku, p.name, p.description, p.image_url, p.category_id, c.name AS category_name,
                   p.active, p.unit, p.created_at, p.updated_at, p.version
              FROM product p LEFT JOIN category c ON c.id = p.category_id
             WHERE p.workspace_id = ?""";

    private final JdbcTemplate jdbc;

    ProductStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductView> find(UUID workspaceId, UUID id) {
        List<ProductView> found = query(SELECT + " AND p.id = ?", workspaceId, id);
        return found.stream().findFirst();
    }

    /** By SKU, whatever its letter case. */
    Map<String, ProductView> bySku(UUID workspaceId, Collection<String> skus) {
        Map<String, ProductView> found = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        for (ProductView product : query(SELECT + " AND lower(p.sku) = ANY(?)", workspaceId,
                skus.stream().map(ProductStore::skuKey).toArray(String[]::new))) {
            found.put(skuKey(product.sku()), product);
        }
        return found;
    }

    static String skuKey(String sku) {
        return sku.strip().toLowerCase(java.util.Locale.ROOT);
    }

    List<ProductView> list(UUID workspaceId, UUID categoryId, Boolean active, String search) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>(List.of(workspaceId));
        if (categoryId != null) {
            sql.append(" AND p.category_id = ?");
            args.add(categoryId);
        }
        if (active != null) {
            sql.append(" AND p.active = ?");
            args.add(active);
        }
        if (search != null) {
            sql.append(" AND (strpos(lower(p.name), lower(?)) > 0 OR strpos(lower(p.sku), lower(?)) > 0)");
            args.add(search);
            args.add(search);
        }
        return query(sql.toString(), args.toArray());
    }

    boolean skuTaken(UUID workspaceId, String sku, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM product WHERE workspace_id = ? AND lower(sku) = lower(?) AND id <> ?)",
                Boolean.class, workspaceId, sku, except == null ? new UUID(0, 0) : except));
    }

    void insert(UUID workspaceId, UUID id, ProductDraft draft, Instant now) {
        jdbc.update("""
                INSERT INTO product (id, workspace_id, sku, name, description, image_url, category_id, active, unit,
                                     created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", id, workspaceId, draft.sku().strip(),
                draft.name().strip(), ProductRules.clean(draft.description()), ProductRules.clean(draft.imageUrl()),
                draft.categoryId(), draft.active() == null || draft.active(), unit(draft.unit()),
                Timestamp.from(now), Timestamp.from(now));
    }

    /** Writes every field of the draft; the caller merged what an import row left empty. */
    int update(UUID workspaceId, UUID id, ProductDraft draft, Long expectedVersion, Instant now) {
        return jdbc.update("""
                UPDATE product SET sku = ?, name = ?, description = ?, image_url = ?, category_id = ?, active = ?,
                       unit = ?, updated_at = ?, version = version + 1
                 WHERE workspace_id = ? AND id = ? AND (?::bigint IS NULL OR version = ?)""",
                draft.sku().strip(), draft.name().strip(), ProductRules.clean(draft.description()),
                ProductRules.clean(draft.imageUrl()), draft.categoryId(), draft.active() == null || draft.active(),
                unit(draft.unit()), Timestamp.from(now), workspaceId, id, expectedVersion, expectedVersion);
    }

    /** Replaces the product's prices with these (a currency left out is no longer sold in). */
    void replacePrices(UUID workspaceId, UUID productId, Map<String, BigDecimal> prices) {
        jdbc.update("DELETE FROM product_price WHERE product_id = ? AND workspace_id = ?", productId, workspaceId);
        setPrices(workspaceId, productId, prices);
    }

    /** Sets these prices, keeping the product's prices in other currencies. */
    void setPrices(UUID workspaceId, UUID productId, Map<String, BigDecimal> prices) {
        jdbc.batchUpdate("""
                INSERT INTO product_price (product_id, currency, workspace_id, amount) VALUES (?, ?, ?, ?)
                ON CONFLICT (product_id, currency) DO UPDATE SET amount = excluded.amount""",
                prices.entrySet().stream().map(price -> new Object[] {productId, price.getKey(), workspaceId,
                        price.getValue()}).toList());
    }

    boolean delete(UUID workspaceId, UUID id) {
        return jdbc.update("DELETE FROM product WHERE workspace_id = ? AND id = ?", workspaceId, id) == 1;
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() ? "pcs" : unit.strip();
    }

    private List<ProductView> query(String sql, Object... args) {
        List<ProductView> products = jdbc.query(sql, (rs, n) -> row(rs), args);
        if (products.isEmpty()) {
            return products;
        }
        Map<UUID, Map<String, BigDecimal>> prices = new LinkedHashMap<>();
        jdbc.query("SELECT product_id, currency, amount FROM product_price WHERE workspace_id = ? AND product_id = ANY(?)",
                rs -> {
                    String currency = rs.getString("currency");
                    prices.computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new TreeMap<>())
                            .put(currency, Money.round(rs.getBigDecimal("amount"), Money.currency(currency).orElseThrow()));
                }, args[0], products.stream().map(ProductView::id).toArray(UUID[]::new));
        return products.stream().map(product -> product.withPrices(prices.getOrDefault(product.id(), Map.of())))
                .toList();
    }

    private static ProductView row(ResultSet rs) throws SQLException {
        return new ProductView(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("image_url"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getBoolean("active"), rs.getString("unit"), Map.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
