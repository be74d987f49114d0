package io.clientele.orderlink.catalog;

import io.clientele.orderlink.money.Money;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a catalog file's header names its columns: sku, name, description, image_url, category, active,
 * unit, and one price column per currency ({@code price_CZK}, {@code price EUR}, {@code cena (CZK)}).
 * English, Czech and Slovak names, any letter case, with or without accents. A column the import cannot
 * place refuses the whole file (400) rather than being dropped without a word.
 */
record CatalogColumns(Map<String, Integer> fields, Map<String, Integer> prices, int width) {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("sku", "sku"), Map.entry("code", "sku"), Map.entry("kod", "sku"), Map.entry("product code", "sku"),
            Map.entry("name", "name"), Map.entry("nazev", "name"), Map.entry("nazov", "name"),
            Map.entry("description", "description"), Map.entry("popis", "description"),
            Map.entry("image_url", "imageUrl"), Map.entry("imageurl", "imageUrl"), Map.entry("image", "imageUrl"),
            Map.entry("obrazek", "imageUrl"), Map.entry("obrazok", "imageUrl"),
            Map.entry("category", "category"), Map.entry("kategorie", "category"), Map.entry("kategoria", "category"),
            Map.entry("active", "active"), Map.entry("aktivni", "active"), Map.entry("aktivny", "active"),
            Map.entry("unit", "unit"), Map.entry("jednotka", "unit"));
    private static final Pattern PRICE = Pattern.compile("(?:price|cena)[ _(\\-]*([a-z]{3})\\)?");

    static CatalogColumns of(List<String> header) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        Map<String, Integer> prices = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String key = fold(header.get(i));
            if (key.isEmpty()) {
                continue;
            }
            String field = NAMES.get(key);
            Matcher price = PRICE.matcher(key);
            if (field != null) {
                if (fields.putIfAbsent(field, i) != null) {
                    violations.add(new FieldViolation("header", "duplicate", "column " + (i + 1) + " ('" + header.get(i)
                            + "') repeats the " + field + " column"));
                }
            } else if (price.matches()) {
                String currency = price.group(1).toUpperCase(Locale.ROOT);
                if (Money.currency(currency).isEmpty()) {
                    violations.add(new FieldViolation("header", "currency", "column " + (i + 1) + " ('" + header.get(i)
                            + "'): " + currency + " is not an ISO 4217 currency code"));
                } else if (prices.putIfAbsent(currency, i) != null) {
                    violations.add(new FieldViolation("header", "duplicate", "column " + (i + 1) + " ('" + header.get(i)
                            + "') repeats the price in " + currency));
                }
            } else {
                violations.add(new FieldViolation("header", "unknown", "column " + (i + 1) + " ('" + header.get(i)
                        + "') is not a catalog field; use sku, name, description, image_url, category, active, unit"
                        + " or price_<CURRENCY>, or remove the column"));
            }
        }
        if (!fields.containsKey("sku")) {
            violations.add(new FieldViolation("header", "required", "the file has no sku column (it finds products)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CatalogColumns(Map.copyOf(fields), Map.copyOf(prices), header.size());
    }

    String cell(List<String> cells, String field) {
        Integer index = fields.get(field);
        return index == null || index >= cells.size() ? null : blankToNull(cells.get(index));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String fold(String header) {
        String stripped = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT);
    }
}
