package io.clientele.platform.events;

import io.clientele.platform.problem.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of an incoming CloudEvent against its contract, collecting every violation (as
 * {@link FieldViolation}s named by their JSON path, like a 400 problem's field errors) rather than stopping
 * at the first, so a dead letter or an intake's answer says everything that is wrong at once.
 *
 * <p>One instance per event: {@code read} the fields, then {@link #done()} throws if anything was wrong.
 * Wrong JSON types are violations, never coerced ({@code "true"} is not a boolean, {@code 1} not a string).
 */
public final class EventFields {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** The event as a JSON object, or unreadable when it is not JSON or not an object. */
    public static JsonNode parse(byte[] json) throws UnreadableEvent {
        if (json == null) {
            throw UnreadableEvent.of("body", "json", "is empty (a tombstone), not a CloudEvent");
        }
        try {
            JsonNode event = EventJson.mapper().readTree(json);
            if (event == null || !event.isObject()) {
                throw UnreadableEvent.of("body", "type", "must be a CloudEvent object");
            }
            return event;
        } catch (JacksonException notJson) {
            throw UnreadableEvent.of("body", "json", "is not JSON: " + notJson.getOriginalMessage());
        }
    }

    public void fail(String path, String message) {
        violations.add(new FieldViolation(path, "contract", message));
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    /** Throws every violation found so far, if any. */
    public void done() throws UnreadableEvent {
        if (!violations.isEmpty()) {
            throw new UnreadableEvent(violations);
        }
    }

    /**
     * A string field, stripped; null when absent, null or blank.
     *
     * @param path     the field's JSON path for messages, e.g. {@code data.customer.email}
     * @param required whether absence (or a blank string) is a violation
     */
    public String text(JsonNode node, String field, String path, int max, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                fail(path, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            fail(path, "must be a string");
            return null;
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            fail(path, "must be at most " + max + " characters");
            return null;
        }
        if (text.isEmpty()) {
            if (required) {
                fail(path, "is required (it is empty)");
            }
            return null;
        }
        return text;
    }

    public UUID uuid(JsonNode node, String field, String path, boolean required) {
        String text = text(node, field, path, 36, required);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            fail(path, "must be a UUID");
            return null;
        }
    }

    public Instant instant(JsonNode node, String field, String path, boolean required) {
        String text = text(node, field, path, 64, required);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException notATime) {
            fail(path, "must be an ISO 8601 timestamp with offset, e.g. 2026-11-28T10:00:00+01:00");
            return null;
        }
    }

    public Boolean bool(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                fail(path, "is required");
            }
            return null;
        }
        if (!value.isBoolean()) {
            fail(path, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A whole number in [min, max]; a fraction or a string is a violation, never rounded or parsed. */
    public Long integer(JsonNode node, String field, String path, long min, long max, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                fail(path, "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            fail(path, "must be a whole number");
            return null;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            fail(path, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    public JsonNode object(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                fail(path, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            fail(path, "must be an object");
            return null;
        }
        return value;
    }

    public JsonNode array(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required && node != null) {
                fail(path, "is required");
            }
            return null;
        }
        if (!value.isArray()) {
            fail(path, "must be an array");
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> E choice(JsonNode node, String field, String path, Class<E> type, boolean required) {
        String text = text(node, field, path, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            fail(path, "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An object of string values (template variables, custom fields); each value checked like a text. */
    public Map<String, String> strings(JsonNode node, String field, String path, int max) {
        JsonNode value = object(node, field, path, false);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        value.properties().forEach(entry -> {
            String text = text(value, entry.getKey(), path + "." + entry.getKey(), max, true);
            if (text != null) {
                map.put(entry.getKey(), text);
            }
        });
        return map;
    }

    /** The CloudEvents attributes every event carries, read; their violations are recorded like any other. */
    public record Envelope(String id, String source, String type, Instant time, String subject, UUID workspaceId,
            JsonNode data) {
    }

    public Envelope envelope(JsonNode event) {
        String specversion = text(event, "specversion", "specversion", 10, true);
        if (specversion != null && !EventEnvelope.SPEC_VERSION.equals(specversion)) {
            fail("specversion", "must be " + EventEnvelope.SPEC_VERSION);
        }
        String id = text(event, "id", "id", 200, true);
        String source = text(event, "source", "source", 200, true);
        String type = text(event, "type", "type", 100, true);
        Instant time = instant(event, "time", "time", true);
        String subject = text(event, "subject", "subject", 200, true);
        UUID workspace = uuid(event, "workspaceid", "workspaceid", true);
        JsonNode data = object(event, "data", "data", true);
        return new Envelope(id, source, type, time, subject, workspace, data);
    }
}
