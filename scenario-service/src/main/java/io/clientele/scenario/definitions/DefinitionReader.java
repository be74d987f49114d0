package io.clientele.scenario.definitions;

import io.clientele.scenario.definitions.Definition.Condition;
import io.clientele.scenario.definitions.Definition.ExitRule;
import io.clientele.scenario.definitions.Definition.Message;
import io.clientele.scenario.definitions.Definition.ReEntry;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.definitions.Definition.StepType;
import io.clientele.scenario.definitions.Definition.Trigger;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a scenario definition sent as JSON, and rejects it whole, naming every wrong field (a JSON path such as
 * {@code steps[2].next}): wrong types are never coerced, an unknown trigger or step type is named with the
 * choices, and so is a step that can never run (no path reaches it, or it needs a reservation the trigger
 * never gives) and a loop (a step that leads back to itself).
 */
final class DefinitionReader {

    static final int MAX_STEPS = 50;
    private static final Duration LONGEST_WAIT = Duration.ofDays(400);
    private static final String STEP_ID = "[a-z0-9][a-z0-9-]{0,39}";
    private static final String TEMPLATE_KEY = "[a-z0-9][a-z0-9-]{0,63}";

    /** The fields a condition may read, and whether they belong to the enrollment's reservation. */
    static final Map<String, Boolean> CONDITION_FIELDS = Map.of("customer.status", false, "customer.language", false,
            "customer.synced", false, "customer.subscription", false, "reservation.status", true,
            "reservation.service", true, "reservation.staff", true, "reservation.location", true);

    private final List<FieldViolation> violations = new ArrayList<>();

    private DefinitionReader() {
    }

    /** @throws InvalidInputException listing every violation */
    static Definition read(JsonNode body) {
        DefinitionReader reader = new DefinitionReader();
        Definition definition = reader.definition(body);
        if (!reader.violations.isEmpty()) {
            throw new InvalidInputException(reader.violations);
        }
        return definition;
    }

    private Definition definition(JsonNode body) {
        if (body == null || !body.isObject()) {
            fail("body", "type", "must be a JSON object");
            return null;
        }
        String name = text(body, "name", "name", 200, true);
        Trigger trigger = choice(body, "trigger", "trigger", Trigger.class, true);
        JsonNode entry = object(body, "entry", "entry");
        ReEntry reEntry = choice(entry, "reEntry", "entry.reEntry", ReEntry.class, false);
        if (reEntry == null) {
            reEntry = trigger != null && trigger.aboutAReservation() ? ReEntry.ONCE_PER_RESERVATION : ReEntry.ONCE;
        }
        Duration cooldown = duration(entry, "cooldown", "entry.cooldown", reEntry == ReEntry.AFTER_COOLDOWN);
        if (cooldown != null && reEntry != ReEntry.AFTER_COOLDOWN) {
            fail("entry.cooldown", "unused", "applies only with reEntry AFTER_COOLDOWN");
        }
        if (reEntry == ReEntry.ONCE_PER_RESERVATION && trigger != null && !trigger.aboutAReservation()) {
            fail("entry.reEntry", "never-applies", "ONCE_PER_RESERVATION needs a reservation trigger; " + trigger
                    + " starts no enrollment about a reservation");
        }
        Set<ExitRule> exits = EnumSet.noneOf(ExitRule.class);
        JsonNode exitWhen = body.get("exitWhen");
        if (exitWhen != null && !exitWhen.isNull()) {
            if (!exitWhen.isArray()) {
                fail("exitWhen", "type", "must be an array");
            } else {
                for (int i = 0; i < exitWhen.size(); i++) {
                    ExitRule rule = enumValue(exitWhen.get(i), "exitWhen[" + i + "]", ExitRule.class);
                    if (rule != null) {
                        exits.add(rule);
                    }
                }
            }
        }
        List<Step> steps = steps(body.get("steps"), trigger);
        if (!violations.isEmpty()) {
            return null;
        }
        Definition definition = new Definition(name, trigger, reEntry, cooldown, exits, steps);
        violations.addAll(StepGraph.check(definition));
        return definition;
    }

    private List<Step> steps(JsonNode array, Trigger trigger) {
        List<Step> steps = new ArrayList<>();
        if (array == null || array.isNull()) {
            fail("steps", "required", "is required");
            return steps;
        }
        if (!array.isArray()) {
            fail("steps", "type", "must be an array");
            return steps;
        }
        if (array.isEmpty() || array.size() > MAX_STEPS) {
            fail("steps", "size", "must hold 1 to " + MAX_STEPS + " steps");
            return steps;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "steps[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                fail(path, "type", "must be an object");
                continue;
            }
            String id = text(node, "id", path + ".id", 40, true);
            if (id != null && !id.matches(STEP_ID)) {
                fail(path + ".id", "pattern", "must be lower-case letters, digits and dashes (" + STEP_ID + ")");
            } else if (id != null && !ids.add(id)) {
                fail(path + ".id", "duplicate", "another step has the id " + id);
            }
            StepType type = choice(node, "type", path + ".type", StepType.class, true);
            String title = text(node, "title", path + ".title", 200, false);
            String next = text(node, "next", path + ".next", 40, false);
            Duration duration = null;
            Duration relative = null;
            Message message = null;
            Condition condition = null;
            String yes = null;
            String no = null;
            if (type != null) {
                switch (type) {
                    case WAIT -> {
                        duration = duration(node, "duration", path + ".duration", true);
                        if (duration != null && (duration.isNegative() || duration.isZero()
                                || duration.compareTo(LONGEST_WAIT) > 0)) {
                            fail(path + ".duration", "range", "must be longer than zero and at most 400 days");
                        }
                    }
                    case WAIT_UNTIL -> {
                        relative = duration(node, "relativeToReservationStart", path + ".relativeToReservationStart",
                                true);
                        if (trigger != null && !trigger.aboutAReservation()) {
                            fail(path, "never-runs", "waits for a reservation's start, but " + trigger
                                    + " starts enrollments without a reservation: the step can never run");
                        }
                    }
                    case SEND -> message = message(node, path + ".message");
                    case CONDITION -> {
                        condition = condition(node, path + ".if", trigger);
                        yes = text(node, "yes", path + ".yes", 40, false);
                        no = text(node, "no", path + ".no", 40, false);
                        if (next != null) {
                            fail(path + ".next", "unused", "a condition goes on by yes or no, not next");
                        }
                    }
                    case END -> {
                        if (next != null) {
                            fail(path + ".next", "unused", "an END step goes nowhere");
                        }
                    }
                }
            }
            steps.add(new Step(id, type, title != null ? title : defaultTitle(type, id, message), next, duration,
                    relative, message, condition, yes, no));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            reference(ids, step.next(), "steps[" + i + "].next");
            reference(ids, step.yes(), "steps[" + i + "].yes");
            reference(ids, step.no(), "steps[" + i + "].no");
        }
        return steps;
    }

    private void reference(Set<String> ids, String target, String path) {
        if (target != null && !ids.contains(target)) {
            fail(path, "unknown-step", "no step has the id " + target);
        }
    }

    private Message message(JsonNode step, String path) {
        JsonNode node = object(step, "message", path);
        if (node == null) {
            fail(path, "required", "is required");
            return null;
        }
        String template = text(node, "templateKey", path + ".templateKey", 64, true);
        if (template != null && !template.matches(TEMPLATE_KEY)) {
            fail(path + ".templateKey", "pattern", "must be lower-case letters, digits and dashes (" + TEMPLATE_KEY + ")");
        }
        String channel = oneOf(node, "channel", path + ".channel", List.of("EMAIL", "SMS"));
        String category = oneOf(node, "category", path + ".category", List.of("TRANSACTIONAL", "MARKETING"));
        return new Message(template, channel, category);
    }

    private Condition condition(JsonNode step, String path, Trigger trigger) {
        JsonNode node = object(step, "if", path);
        if (node == null) {
            fail(path, "required", "is required");
            return null;
        }
        String field = text(node, "field", path + ".field", 60, true);
        if (field != null && !CONDITION_FIELDS.containsKey(field)) {
            fail(path + ".field", "unknown", "'" + field + "' is not one of " + CONDITION_FIELDS.keySet().stream()
                    .sorted().toList());
        } else if (field != null && CONDITION_FIELDS.get(field) && trigger != null && !trigger.aboutAReservation()) {
            fail(path + ".field", "never-runs", field + " needs a reservation, but " + trigger
                    + " starts enrollments without one");
        }
        String operator = oneOf(node, "operator", path + ".operator", List.of("EQUALS", "NOT_EQUALS"));
        JsonNode value = node.get("value");
        String text = null;
        if (value == null || value.isNull()) {
            fail(path + ".value", "required", "is required");
        } else if (value.isString() || value.isBoolean()) {
            text = value.asString();
        } else {
            fail(path + ".value", "type", "must be a string or true/false");
        }
        return new Condition(field, !"NOT_EQUALS".equals(operator), text);
    }

    private static String defaultTitle(StepType type, String id, Message message) {
        if (type == StepType.SEND && message != null && message.channel() != null) {
            return (message.channel().equals("SMS") ? "SMS: " : "E-mail: ") + message.templateKey();
        }
        return type == null ? String.valueOf(id) : type.name().charAt(0) + type.name().substring(1).toLowerCase()
                .replace('_', ' ') + ": " + id;
    }

    private JsonNode object(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            fail(path, "type", "must be an object");
            return null;
        }
        return value;
    }

    private String text(JsonNode node, String field, String path, int max, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                fail(path, "required", "is required");
            }
            return null;
        }
        if (!value.isString()) {
            fail(path, "type", "must be a string");
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty() && required) {
            fail(path, "required", "is required (it is empty)");
            return null;
        }
        if (text.length() > max) {
            fail(path, "size", "must be at most " + max + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private String oneOf(JsonNode node, String field, String path, List<String> choices) {
        String text = text(node, field, path, 40, true);
        if (text != null && !choices.contains(text)) {
            fail(path, "unknown", "'" + text + "' is not one of " + choices);
            return null;
        }
        return text;
    }

    private <E extends Enum<E>> E choice(JsonNode node, String field, String path, Class<E> type, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                fail(path, "required", "is required");
            }
            return null;
        }
        return enumValue(value, path, type);
    }

    private <E extends Enum<E>> E enumValue(JsonNode value, String path, Class<E> type) {
        if (!value.isString()) {
            fail(path, "type", "must be a string");
            return null;
        }
        try {
            return Enum.valueOf(type, value.asString());
        } catch (IllegalArgumentException unknown) {
            fail(path, "unknown", "'" + value.asString() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An ISO 8601 duration such as PT2H, P3D or -PT24H. */
    private Duration duration(JsonNode node, String field, String path, boolean required) {
        String text = text(node, field, path, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            fail(path, "format", "must be an ISO 8601 duration such as PT2H, P3D or -PT24H");
            return null;
        }
    }

    private void fail(String field, String code, String message) {
        violations.add(new FieldViolation(field, code, message));
    }
}
