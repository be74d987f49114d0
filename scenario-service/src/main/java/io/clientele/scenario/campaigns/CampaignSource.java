package io.clientele.scenario.campaigns;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whom a campaign enrols: a customer-service group, or everyone the customer list shows for a filter. customer-service
 * keeps no saved filters, so a filter is the list's own query parameters (same names, same values), kept with the
 * campaign so that a resumed campaign asks the same question. Their values are customer-service's to judge (it
 * answers a wrong one with a problem, which the campaign's creation passes on); the shapes are checked here. The
 * text search {@code q} is left out on purpose: it would keep a fragment of a name with the campaign.
 */
record CampaignSource(UUID groupId, Map<String, List<String>> filterParameters) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LISTS = Set.of("status", "stage", "temperature", "subscription", "source");
    private static final Set<String> BOOLEANS = Set.of("muted", "synced", "hasUpcomingReservation");
    private static final Set<String> INSTANTS = Set.of("createdFrom", "createdTo");

    static CampaignSource read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "type", "must be a JSON object with groupId or filter");
        }
        List<FieldViolation> wrong = new ArrayList<>();
        body.propertyNames().forEach(name -> {
            if (!name.equals("groupId") && !name.equals("filter")) {
                wrong.add(new FieldViolation(name, "unknown", "is not a field of a campaign (groupId or filter)"));
            }
        });
        JsonNode group = present(body.get("groupId"));
        JsonNode filter = present(body.get("filter"));
        if ((group == null) == (filter == null)) {
            wrong.add(new FieldViolation("groupId", "one-of", "give exactly one of groupId and filter"));
        }
        UUID groupId = group == null ? null : uuid(group, "groupId", wrong);
        Map<String, List<String>> parameters = filter == null ? null : filter(filter, wrong);
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return new CampaignSource(groupId, parameters);
    }

    private static Map<String, List<String>> filter(JsonNode filter, List<FieldViolation> wrong) {
        if (!filter.isObject()) {
            wrong.add(new FieldViolation("filter", "type", "must be an object of the customer list's filters"));
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : filter.propertyNames()) {
            JsonNode value = present(filter.get(name));
            String path = "filter." + name;
            if (name.equals("q")) {
                wrong.add(new FieldViolation(path, "unsupported", "a campaign cannot search text (it would keep a"
                        + " fragment of a name); use a group, or the other filters"));
            } else if (value == null) {
                continue;
            } else if (LISTS.contains(name)) {
                List<String> values = new ArrayList<>();
                for (JsonNode item : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                    if (!item.isString() || !item.asString().matches("[A-Z_]{1,40}")) {
                        wrong.add(new FieldViolation(path, "type", "must be a list of the list filter's values,"
                                + " e.g. [\"REGULAR\"]"));
                        break;
                    }
                    values.add(item.asString());
                }
                parameters.put(name, values);
            } else if (BOOLEANS.contains(name)) {
                if (value.isBoolean()) {
                    parameters.put(name, List.of(Boolean.toString(value.asBoolean())));
                } else {
                    wrong.add(new FieldViolation(path, "type", "must be true or false"));
                }
            } else if (INSTANTS.contains(name)) {
                try {
                    parameters.put(name, List.of(Instant.parse(value.isString() ? value.asString() : "?").toString()));
                } catch (DateTimeParseException notAnInstant) {
                    wrong.add(new FieldViolation(path, "type", "must be an ISO 8601 instant, e.g. 2026-01-31T00:00:00Z"));
                }
            } else if (name.equals("group")) {
                UUID group = uuid(value, path, wrong);
                if (group != null) {
                    parameters.put(name, List.of(group.toString()));
                }
            } else {
                wrong.add(new FieldViolation(path, "unknown", "is not one of the customer list's filters " + LISTS
                        + BOOLEANS + INSTANTS + " or group"));
            }
        }
        return parameters;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static UUID uuid(JsonNode value, String field, List<FieldViolation> wrong) {
        if (!value.isString()) {
            wrong.add(new FieldViolation(field, "type", "must be a string (a UUID)"));
            return null;
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException notAUuid) {
            wrong.add(new FieldViolation(field, "format", "must be a UUID"));
            return null;
        }
    }

    /** The filter as the campaign keeps it (null for a group). */
    String filterJson() {
        if (filterParameters == null) {
            return null;
        }
        ObjectNode json = JSON.createObjectNode();
        filterParameters.forEach((name, values) -> values.forEach(value -> json.withArray(name).add(value)));
        return JSON.writeValueAsString(json);
    }

    static CampaignSource stored(UUID groupId, String filterJson) {
        if (filterJson == null) {
            return new CampaignSource(groupId, null);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        JsonNode json = JSON.readTree(filterJson);
        for (String name : json.propertyNames()) {
            List<String> values = new ArrayList<>();
            json.get(name).forEach(value -> values.add(value.asString()));
            parameters.put(name, values);
        }
        return new CampaignSource(null, parameters);
    }
}
