package io.clientele.customer.customfields;

import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client card: fields a workspace defines, and the checking of a customer's values against them.
 */
@Service
public class CustomFields {

    static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9_]{0,63}");
    static final int MAX_FIELDS = 100;
    static final int MAX_TEXT = 1000;

    private final CustomFieldDefinitionRepository definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomFields(CustomFieldDefinitionRepository definitions, ApplicationEventPublisher events, Clock clock) {
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
    }

    public record Definition(String key, String label, FieldType type, List<String> options, Instant createdAt) {
    }

    /** Custom field values checked and normalised, or the reasons they were refused. */
    public record Checked(Map<String, Object> values, List<FieldViolation> violations) {
    }

    @Transactional(readOnly = true)
    public List<Definition> of(UUID workspaceId) {
        return definitions.findByIdWorkspaceIdOrderByIdKey(workspaceId).stream().map(CustomFieldDefinition::view).toList();
    }

    /**
     * Checks submitted values against the workspace's definitions. A value equal to the one the customer
     * already has passes even if the definition changed since (an option was withdrawn, say), so that
     * editing one field never fails on another the user did not touch.
     *
     * @param submitted the values sent; a null value removes the field
     * @param current   the customer's values before the change
     */
    @Transactional(readOnly = true)
    public Checked check(UUID workspaceId, Map<String, Object> submitted, Map<String, Object> current) {
        if (submitted == null || submitted.isEmpty()) {
            return new Checked(Map.of(), List.of());
        }
        return check(definitionsByKey(workspaceId), submitted, current);
    }

    /** The workspace's definitions by key, for checking many customers' values against them ({@link #check(Map, Map, Map)}). */
    @Transactional(readOnly = true)
    public Map<String, Definition> definitionsByKey(UUID workspaceId) {
        return of(workspaceId).stream().collect(Collectors.toMap(Definition::key, Function.identity()));
    }

    /** {@link #check(UUID, Map, Map)} against definitions read once. */
    public static Checked check(Map<String, Definition> byKey, Map<String, Object> submitted,
            Map<String, Object> current) {
        if (submitted == null || submitted.isEmpty()) {
            return new Checked(Map.of(), List.of());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        submitted.forEach((key, value) -> {
            String field = "customFields." + key;
            if (value == null) {
                return;
            }
            if (Objects.equals(value, current.get(key))) {
                values.put(key, value);
                return;
            }
            Definition definition = byKey.get(key);
            if (definition == null) {
                violations.add(new FieldViolation(field, "unknown",
                        "'" + key + "' is not a field of this workspace's client card"));
                return;
            }
            try {
                values.put(key, normalise(definition.type(), definition.options(), value));
            } catch (IllegalArgumentException invalid) {
                violations.add(new FieldViolation(field, "type", invalid.getMessage()));
            }
        });
        return new Checked(values, violations);
    }

    @Transactional
    Definition define(UUID workspaceId, String key, String label, FieldType type, List<String> options) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            violations.add(new FieldViolation("key", "Pattern",
                    "must start with a lower-case letter and hold only letters, digits and _ (at most 64)"));
        }
        List<String> cleanOptions = options == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(options.stream().filter(Objects::nonNull).map(String::trim)
                        .filter(option -> !option.isEmpty()).toList()));
        if (type == FieldType.CHOICE && cleanOptions.isEmpty()) {
            violations.add(new FieldViolation("options", "NotEmpty", "a CHOICE field needs at least one option"));
        }
        if (type != FieldType.CHOICE && !cleanOptions.isEmpty()) {
            violations.add(new FieldViolation("options", "Null", "only CHOICE fields have options"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        CustomFieldDefinition.Key id = new CustomFieldDefinition.Key(workspaceId, key);
        CustomFieldDefinition definition = definitions.findById(id).orElse(null);
        if (definition == null) {
            if (definitions.findByIdWorkspaceIdOrderByIdKey(workspaceId).size() >= MAX_FIELDS) {
                throw new ConflictException("too-many-fields", "Too many custom fields",
                        "A client card holds at most " + MAX_FIELDS + " fields");
            }
            definition = new CustomFieldDefinition(workspaceId, key, label, type, cleanOptions, clock.instant());
        } else if (definition.type() != type) {
            throw ConflictException.onField("type-change", "A field's type cannot change", "type",
                    "'" + key + "' holds " + definition.type() + " values; remove it and define it anew to change its type");
        } else {
            definition.relabel(label, cleanOptions);
        }
        return definitions.save(definition).view();
    }

    @Transactional
    void remove(UUID workspaceId, String key) {
        CustomFieldDefinition definition = definitions.findById(new CustomFieldDefinition.Key(workspaceId, key))
                .orElseThrow(() -> new NotFoundException("custom field", key));
        definitions.delete(definition);
        events.publishEvent(new CustomFieldRemoved(workspaceId, key));
    }

    private static Object normalise(FieldType type, List<String> options, Object value) {
        return switch (type) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("must be text");
                }
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield text.strip();
            }
            case NUMBER -> {
                if (!(value instanceof Number number)) {
                    throw new IllegalArgumentException("must be a number");
                }
                yield new BigDecimal(number.toString());
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(String.valueOf(value)).toString();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("must be a date (YYYY-MM-DD)");
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean flag)) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield flag;
            }
            case CHOICE -> {
                if (!(value instanceof String choice) || !options.contains(choice)) {
                    throw new IllegalArgumentException("must be one of " + options);
                }
                yield choice;
            }
        };
    }
}
