package io.clientele.communication.integration.in;

import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.Timestamps;
import io.clientele.platform.problem.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of an incoming CloudEvent against its contract, collecting every violation rather than
 * stopping at the first, so a dead letter says everything that is wrong with it.
 */
final class EventFields {

    final List<FieldViolation> violations = new ArrayList<>();

    static JsonNode parse(byte[] json) throws UnreadableEvent {
        try {
            JsonNode event = EventJson.mapper().readTree(json);
            if (event == null || !event.isObject()) {
                throw new UnreadableEvent(List.of(new FieldViolation("body", "type", "must be a CloudEvent object")));
            }
            return event;
        } catch (JacksonException notJson) {
            throw new UnreadableEvent(List.of(new FieldViolation("body", "json", "is not JSON: "
                    + notJson.getOriginalMessage())));
        }
    }

    void fail(String field, String message) {
        violations.add(new FieldViolation(field, "contract", message));
    }

    void done() throws UnreadableEvent {
        if (!violations.isEmpty()) {
            throw new UnreadableEvent(violations);
        }
    }

    String text(JsonNode node, String field, String path, int max, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
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
                fail(path, "must not be empty");
            }
            return null;
        }
        return text;
    }

    UUID uuid(JsonNode node, String field, String path, boolean required) {
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

    Instant instant(JsonNode node, String field, String path, boolean required) {
        String text = text(node, field, path, 64, required);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException notATime) {
            fail(path, "must be an ISO 8601 timestamp with offset, e.g. 2026-11-28T10:00:00Z");
            return null;
        }
    }

    Boolean bool(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
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

    JsonNode object(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
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

    <E extends Enum<E>> E choice(JsonNode node, String field, String path, Class<E> type, boolean required) {
        String text = text(node, field, path, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException unknown) {
            fail(path, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    Map<String, String> strings(JsonNode node, String field, String path, int max) {
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

    /** The envelope: the CloudEvents attributes every event must carry. */
    record Envelope(String id, String source, String type, Instant time, String subject, UUID workspaceId, JsonNode data) {
    }

    Envelope envelope(JsonNode event) {
        if (!"1.0".equals(text(event, "specversion", "specversion", 10, true))) {
            fail("specversion", "must be 1.0");
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
