package io.clientele.customer.imports;

import io.clientele.customer.customfields.CustomFields;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a file's columns are read: each column's target, or none (ignored). Columns named in an explicit
 * mapping go where it says; the others are recognised by their header (standard columns, other
 * systems' exports, the client card's field keys and labels).
 *
 * @param columns one per column of the file, in order
 */
record ColumnMapping(List<Column> columns, Layout layout) {

    /** @param target where the values go; null when the column is ignored */
    record Column(int index, String header, Target target) {
    }

    /** How the file was recognised: Clientele's standard columns, headers known by name, or a mapping. */
    enum Layout { STANDARD, RECOGNISED, CUSTOM }

    private static final Set<ImportField> IDENTIFYING = EnumSet.of(ImportField.NAME, ImportField.FIRST_NAME,
            ImportField.LAST_NAME, ImportField.COMPANY_NAME, ImportField.EMAIL, ImportField.PHONE);
    private static final Set<String> IGNORE = Set.of("", "ignore", "none", "-");

    /**
     * @param explicit header (or 1-based column number) to target api name; an empty target ignores the column
     * @throws InvalidInputException naming every problem: unknown headers or targets, two columns for one
     *                               target, no column that names or reaches anyone
     */
    static ColumnMapping of(List<String> headers, Map<String, String> explicit,
            List<CustomFields.Definition> customFields) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<Integer, Target> chosen = new HashMap<>();
        Set<Integer> ignored = new java.util.HashSet<>();
        explicit.forEach((column, targetName) -> {
            int index = columnIndex(headers, column);
            if (index < 0) {
                violations.add(new FieldViolation("mapping." + column, "unknown-column", "the file has no column '"
                        + column + "'; its columns are " + headers));
                return;
            }
            if (targetName == null || IGNORE.contains(targetName.strip().toLowerCase(java.util.Locale.ROOT))) {
                ignored.add(index);
                return;
            }
            Target target = target(targetName.strip(), customFields);
            if (target == null) {
                violations.add(new FieldViolation("mapping." + column, "unknown-field", "'" + targetName
                        + "' is not a field; use one of " + fieldNames() + " or customFields.<key>"));
            } else {
                chosen.put(index, target);
            }
        });

        boolean hasLastName = headers.stream().anyMatch(HeaderNames::namesLastName)
                || chosen.values().contains(Target.of(ImportField.LAST_NAME));
        Map<String, String> customByFolded = new HashMap<>();
        for (CustomFields.Definition definition : customFields) {
            customByFolded.putIfAbsent(HeaderNames.fold(definition.key()), definition.key());
            customByFolded.putIfAbsent(HeaderNames.fold(definition.label()), definition.key());
        }
        List<Column> columns = new ArrayList<>(headers.size());
        Map<Target, Integer> used = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Target target = chosen.get(i);
            if (target == null && !ignored.contains(i)) {
                target = HeaderNames.recognise(header, hasLastName).map(Target::of).orElseGet(() -> {
                    String key = customByFolded.get(HeaderNames.fold(header));
                    return key == null ? null : Target.custom(key);
                });
                if (target != null && used.containsKey(target)) {
                    // a second column recognised as the same field: the first one wins, this one is left out
                    target = null;
                }
            }
            if (target != null) {
                Integer other = used.putIfAbsent(target, i);
                if (other != null) {
                    violations.add(new FieldViolation("mapping." + header, "duplicate-target", "columns '"
                            + headers.get(other) + "' and '" + header + "' both go to " + target.apiName()));
                }
            }
            columns.add(new Column(i, header, target));
        }
        if (used.keySet().stream().noneMatch(target -> !target.isCustom() && IDENTIFYING.contains(target.field()))) {
            violations.add(new FieldViolation("columns", "no-identifying-column", "no column holds names, e-mails or"
                    + " phones (the file's columns are " + headers + "); name them like the standard columns "
                    + HeaderNames.STANDARD + " or map them with 'mapping'"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Layout layout = !explicit.isEmpty() ? Layout.CUSTOM
                : headers.stream().allMatch(header -> HeaderNames.STANDARD.stream()
                        .anyMatch(standard -> HeaderNames.fold(standard).equals(HeaderNames.fold(header))))
                        ? Layout.STANDARD : Layout.RECOGNISED;
        return new ColumnMapping(List.copyOf(columns), layout);
    }

    /** A target by its api name ({@code email}, {@code customFields.skinType}); null when there is none. */
    static Target target(String name, List<CustomFields.Definition> customFields) {
        if (name.startsWith(ImportField.CUSTOM_PREFIX)) {
            String key = name.substring(ImportField.CUSTOM_PREFIX.length());
            return customFields.stream().anyMatch(definition -> definition.key().equals(key)) ? Target.custom(key) : null;
        }
        return ImportField.byApiName(name).map(Target::of).orElse(null);
    }

    static List<String> fieldNames() {
        return java.util.Arrays.stream(ImportField.values()).map(ImportField::apiName).toList();
    }

    private static int columnIndex(List<String> headers, String column) {
        int exact = headers.indexOf(column);
        if (exact >= 0) {
            return exact;
        }
        String folded = HeaderNames.fold(column);
        for (int i = 0; i < headers.size(); i++) {
            if (HeaderNames.fold(headers.get(i)).equals(folded) && !folded.isEmpty()) {
                return i;
            }
        }
        if (column.matches("\\d{1,4}")) {
            int number = Integer.parseInt(column);
            return number >= 1 && number <= headers.size() ? number - 1 : -1;
        }
        return -1;
    }
}
