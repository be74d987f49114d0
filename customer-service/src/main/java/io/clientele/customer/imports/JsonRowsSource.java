package io.clientele.customer.imports;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a JSON import, {@code {"rows": [{"firstName": "Jana", "email": "...", ...}, ...]}}, read
 * one at a time from the spooled document. Keys are the field names of {@link ImportField}; address
 * parts may also come nested ({@code "address": {"city": ...}}), client-card values under
 * {@code "customFields"}. A row naming an unknown field is refused, like the customer API refuses one.
 */
final class JsonRowsSource implements RowSource {

    /** What the document says besides its rows. */
    record Options(String name, Boolean dryRun, long rows) {
    }

    private static final Set<String> DOCUMENT_KEYS = Set.of("rows", "name", "dryRun");

    private final JsonMapper json;
    private final InputStream in;
    private final JsonParser parser;
    private final Set<String> customKeys;
    private long rowNumber;

    private JsonRowsSource(JsonMapper json, InputStream in, JsonParser parser, Set<String> customKeys) {
        this.json = json;
        this.in = in;
        this.parser = parser;
        this.customKeys = customKeys;
    }

    /**
     * Reads the whole document once without keeping it: checks that it is well-formed JSON of the
     * expected shape, and returns its options.
     *
     * @throws InvalidInputException when it is not
     */
    static Options inspect(JsonMapper json, Upload upload) {
        try (InputStream in = upload.open(); JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw shape("the document must be an object with a \"rows\" array");
            }
            String name = null;
            Boolean dryRun = null;
            long rows = -1;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "rows" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw shape("\"rows\" must be an array of objects");
                        }
                        rows = 0;
                        JsonToken element;
                        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                            if (element != JsonToken.START_OBJECT) {
                                throw shape("row " + (rows + 1) + " is not an object");
                            }
                            parser.skipChildren();
                            rows++;
                        }
                    }
                    case "name" -> name = value == JsonToken.VALUE_NULL ? null : parser.getString();
                    case "dryRun" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw InvalidInputException.of("dryRun", "type", "must be true or false");
                        }
                        dryRun = value == JsonToken.VALUE_TRUE;
                    }
                    default -> throw InvalidInputException.of(key, "unknown", "'" + key
                            + "' is not part of an import; send " + DOCUMENT_KEYS);
                }
            }
            if (rows < 0) {
                throw shape("the document has no \"rows\" array");
            }
            if (parser.nextToken() != null) {
                throw shape("the document goes on after its closing brace");
            }
            return new Options(name, dryRun, rows);
        } catch (JacksonException malformed) {
            throw new InvalidInputException(List.of(new FieldViolation("body", "json", "not well-formed JSON at line "
                    + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ": "
                    + malformed.getOriginalMessage())));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static JsonRowsSource open(JsonMapper json, Upload upload, Set<String> customKeys) {
        try {
            InputStream in = upload.open();
            JsonParser parser = json.createParser(in);
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("rows") && value == JsonToken.START_ARRAY) {
                    return new JsonRowsSource(json, in, parser, customKeys);
                }
                parser.skipChildren();
            }
            throw new IllegalStateException("the document was inspected and has rows");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public SourceRow next() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        rowNumber++;
        JsonNode row = parser.readValueAsTree();
        Map<Target, String> values = new HashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : row.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (value.isNull()) {
                continue;
            }
            if (key.equals("address") && value.isObject()) {
                value.properties().forEach(part -> ImportField.byAddressPart(part.getKey()).ifPresentOrElse(
                        field -> put(values, raw, violations, "address." + part.getKey(), Target.of(field), part.getValue()),
                        () -> violations.add(unknown("address." + part.getKey()))));
            } else if (key.equals("customFields") && value.isObject()) {
                value.properties().forEach(field -> {
                    String name = ImportField.CUSTOM_PREFIX + field.getKey();
                    if (customKeys.contains(field.getKey())) {
                        put(values, raw, violations, name, Target.custom(field.getKey()), field.getValue());
                    } else {
                        violations.add(new FieldViolation(name, "unknown", "'" + field.getKey()
                                + "' is not a field of this workspace's client card"));
                    }
                });
            } else {
                ImportField.byApiName(key).ifPresentOrElse(
                        field -> put(values, raw, violations, key, Target.of(field), value),
                        () -> violations.add(unknown(key)));
            }
        }
        return new SourceRow(new RowReader.Cells(rowNumber, values), raw, violations);
    }

    private static void put(Map<Target, String> values, Map<String, String> raw, List<FieldViolation> violations,
            String name, Target target, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        if (!value.isValueNode()) {
            violations.add(new FieldViolation(name, "type", "must be a text, a number or true/false"));
            raw.put(name, value.toString());
            return;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        raw.put(name, text);
        if (!text.isBlank()) {
            values.put(target, text.strip());
        }
    }

    private static FieldViolation unknown(String key) {
        return new FieldViolation(key, "unknown", "'" + key + "' is not a field; use " + ColumnMapping.fieldNames()
                + ", address.{street,city,postalCode,country} or customFields.<key>");
    }

    private static InvalidInputException shape(String message) {
        return InvalidInputException.of("body", "shape", message);
    }

    @Override
    public void close() {
        try {
            parser.close();
            in.close();
        } catch (IOException | JacksonException ignored) {
            // read-only file
        }
    }
}
