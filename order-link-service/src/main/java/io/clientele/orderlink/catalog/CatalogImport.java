package io.clientele.orderlink.catalog;

import io.clientele.orderlink.catalog.ImportReport.Rejection;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * O-1: imports a catalog file (CSV). Products are matched by SKU (whatever its letter case): a known one
 * takes the row's non-empty cells (an empty cell never erases anything; prices in the row's currencies
 * are set, others kept), an unknown one is created; categories are found by name or created. A bad row
 * is refused with every reason and its line number and never touches its neighbours; a dry run checks
 * and counts everything the same way and writes nothing. The good rows of a file are written in one
 * transaction, so an import is applied whole or (the database failing) not at all.
 */
@Service
class CatalogImport {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;

    private final ProductStore products;
    private final CategoryStore categories;
    private final MeterRegistry meters;
    private final Clock clock;

    CatalogImport(ProductStore products, CategoryStore categories, MeterRegistry meters, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.meters = meters;
        this.clock = clock;
    }

    private record Row(int line, List<String> cells, ProductDraft draft, String category) {
    }

    @Transactional
    ImportReport run(UUID workspaceId, byte[] file, boolean dryRun) {
        if (file.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "size", "is larger than " + MAX_BYTES / 1024 / 1024
                    + " MB; split the catalog into several files");
        }
        List<String> lines = CatalogCsv.lines(CatalogCsv.decode(file));
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw InvalidInputException.of("file", "empty", "is empty; the first line must name the columns");
        }
        char delimiter = CatalogCsv.delimiter(lines.getFirst());
        List<CatalogCsv.Record> records = CatalogCsv.records(lines, delimiter);
        if (records.getFirst().damage() != null) {
            throw InvalidInputException.of("header", "csv", records.getFirst().damage());
        }
        CatalogColumns columns = CatalogColumns.of(records.getFirst().cells());
        List<CatalogCsv.Record> body = records.subList(1, records.size()).stream()
                .filter(record -> record.damage() != null || !record.cells().isEmpty()).toList();
        if (body.size() > MAX_ROWS) {
            throw InvalidInputException.of("file", "rows", "has " + body.size() + " rows; at most " + MAX_ROWS
                    + " go in one import");
        }

        List<Rejection> rejections = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> skuLines = new HashMap<>();
        for (CatalogCsv.Record record : body) {
            List<String> reasons = new ArrayList<>();
            if (record.damage() != null) {
                rejections.add(new Rejection(record.line(), List.of(record.damage()), List.of()));
                continue;
            }
            Row row = read(columns, record, reasons);
            if (row != null) {
                Integer earlier = skuLines.putIfAbsent(ProductStore.skuKey(row.draft().sku()), record.line());
                if (earlier != null) {
                    reasons.add("SKU '" + row.draft().sku() + "' is already on line " + earlier);
                }
            }
            if (reasons.isEmpty()) {
                rows.add(row);
            } else {
                rejections.add(new Rejection(record.line(), reasons, record.cells()));
            }
        }

        Map<String, ProductView> existing = products.bySku(workspaceId,
                rows.stream().map(row -> row.draft().sku()).toList());
        Map<String, UUID> knownCategories = new HashMap<>(categories.byName(workspaceId,
                rows.stream().map(Row::category).filter(Objects::nonNull).distinct().toList()));
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int categoriesCreated = 0;
        for (Row row : rows) {
            UUID categoryId = null;
            if (row.category() != null) {
                String key = row.category().toLowerCase(Locale.ROOT);
                categoryId = knownCategories.get(key);
                if (categoryId == null) {
                    categoryId = TimeOrderedIds.next();
                    knownCategories.put(key, categoryId);
                    categoriesCreated++;
                    if (!dryRun) {
                        categories.insert(workspaceId, categoryId, row.category(), 0, now);
                    }
                }
            }
            ProductView current = existing.get(ProductStore.skuKey(row.draft().sku()));
            if (current == null) {
                if (row.draft().name() == null) {
                    rejections.add(new Rejection(row.line(), List.of("name is required for a new product (SKU '"
                            + row.draft().sku() + "' is not in the catalog yet)"), row.cells()));
                    continue;
                }
                created++;
                if (!dryRun) {
                    UUID id = TimeOrderedIds.next();
                    ProductDraft draft = withCategory(row.draft(), categoryId);
                    products.insert(workspaceId, id, draft, now);
                    products.setPrices(workspaceId, id, draft.prices());
                }
            } else {
                ProductDraft merged = merge(current, row.draft(), categoryId);
                Map<String, BigDecimal> prices = new LinkedHashMap<>(current.prices());
                prices.putAll(row.draft().prices());
                if (merged.equals(current.asDraft()) && samePrices(current.prices(), prices)) {
                    unchanged++;
                    continue;
                }
                updated++;
                if (!dryRun) {
                    products.update(workspaceId, current.id(), merged, null, now);
                    products.setPrices(workspaceId, current.id(), row.draft().prices());
                }
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(Rejection::row));
        meters.counter("clientele.catalog.import.rows", "outcome", dryRun ? "dry-run" : "imported")
                .increment(created + updated + unchanged);
        meters.counter("clientele.catalog.import.rows", "outcome", "rejected").increment(rejections.size());
        return new ImportReport(dryRun, body.size(), created, updated, unchanged, rejections.size(), categoriesCreated,
                rejections);
    }

    private static Row read(CatalogColumns columns, CatalogCsv.Record record, List<String> reasons) {
        List<String> cells = record.cells();
        long extra = cells.stream().skip(columns.width()).filter(cell -> !cell.isBlank()).count();
        if (extra > 0) {
            reasons.add("the row has " + cells.size() + " cells but the header names " + columns.width()
                    + " columns (a delimiter inside an unquoted value?)");
            return null;
        }
        Boolean active = null;
        String activeCell = columns.cell(cells, "active");
        if (activeCell != null) {
            active = switch (activeCell.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "ano", "áno", "a", "да" -> true;
                case "false", "no", "n", "0", "ne", "nie", "не" -> false;
                default -> {
                    reasons.add("active: '" + activeCell + "' is not yes/no (true, false, 1, 0, ano, ne)");
                    yield null;
                }
            };
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        columns.prices().forEach((currency, index) -> {
            String cell = index < cells.size() ? CatalogColumns.blankToNull(cells.get(index)) : null;
            if (cell != null) {
                BigDecimal amount = amount(cell);
                if (amount == null) {
                    reasons.add("price_" + currency + ": '" + cell + "' is not an amount such as 129.50 or 129,50");
                } else {
                    prices.put(currency, amount);
                }
            }
        });
        ProductDraft draft = new ProductDraft(columns.cell(cells, "sku"), columns.cell(cells, "name"),
                columns.cell(cells, "description"), columns.cell(cells, "imageUrl"), null, active,
                columns.cell(cells, "unit"), prices);
        List<FieldViolation> violations = new ArrayList<>();
        ProductRules.check(draft, false, violations);
        if (draft.sku() == null) {
            violations.add(new FieldViolation("sku", "required", "is required"));
        }
        String category = columns.cell(cells, "category");
        if (category != null && category.strip().length() > 100) {
            violations.add(new FieldViolation("category", "length", "must be at most 100 characters"));
        }
        violations.forEach(violation -> reasons.add(violation.field() + ": " + violation.message()));
        return reasons.isEmpty() ? new Row(record.line(), cells, draft, category == null ? null : category.strip())
                : null;
    }

    /** 129.50, 129,50, 1 299,50 (spaces or no-break spaces between thousands); one decimal separator. */
    static BigDecimal amount(String cell) {
        String compact = cell.strip().replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (compact.contains(",") && compact.contains(".")) {
            return null;
        }
        compact = compact.replace(',', '.');
        if (!compact.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
            return null;
        }
        return new BigDecimal(compact);
    }

    private static ProductDraft withCategory(ProductDraft draft, UUID categoryId) {
        return new ProductDraft(draft.sku().strip(), draft.name().strip(), draft.description(), draft.imageUrl(),
                categoryId, draft.active(), draft.unit(), draft.prices());
    }

    private static ProductDraft merge(ProductView current, ProductDraft row, UUID categoryId) {
        return new ProductDraft(row.sku().strip(), row.name() != null ? row.name().strip() : current.name(),
                row.description() != null ? row.description().strip() : current.description(),
                row.imageUrl() != null ? row.imageUrl().strip() : current.imageUrl(),
                categoryId != null ? categoryId : current.categoryId(),
                row.active() != null ? row.active() : current.active(),
                row.unit() != null ? row.unit().strip() : current.unit(), current.prices());
    }

    private static boolean samePrices(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        if (!before.keySet().equals(after.keySet())) {
            return false;
        }
        return before.entrySet().stream().allMatch(entry -> entry.getValue().compareTo(after.get(entry.getKey())) == 0);
    }
}
