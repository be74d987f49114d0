package io.clientele.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times in JSON between the years 0001 and 9999, as people and PostgreSQL mean them. Java reads
 * {@code +999999999-12-31T23:59:59Z} happily; the first computation or write with it overflowed into a 500.
 * Read here, it is a 400 naming the field.
 */
final class YearRange extends DelegatingDeserializer {

    static final int FIRST = 1;
    static final int LAST = 9999;

    private YearRange(ValueDeserializer<?> delegatee) {
        super(delegatee);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("clientele-year-range");
        module.addDeserializer((Class) Instant.class, (ValueDeserializer) new YearRange(InstantDeserializer.INSTANT));
        module.addDeserializer((Class) OffsetDateTime.class,
                (ValueDeserializer) new YearRange(InstantDeserializer.OFFSET_DATE_TIME));
        module.addDeserializer((Class) ZonedDateTime.class,
                (ValueDeserializer) new YearRange(InstantDeserializer.ZONED_DATE_TIME));
        module.addDeserializer((Class) LocalDate.class, (ValueDeserializer) new YearRange(LocalDateDeserializer.INSTANCE));
        module.addDeserializer((Class) LocalDateTime.class,
                (ValueDeserializer) new YearRange(LocalDateTimeDeserializer.INSTANCE));
        return module;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
        return new YearRange(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        Object value = super.deserialize(parser, context);
        int year = year(value);
        if (year < FIRST || year > LAST) {
            throw context.weirdStringException(String.valueOf(value), handledType(),
                    "lies outside the years 0001 to 9999");
        }
        return value;
    }

    private static int year(Object value) {
        return switch (value) {
            case null -> FIRST;
            case Instant instant -> instant.atOffset(ZoneOffset.UTC).getYear();
            case TemporalAccessor temporal when temporal.isSupported(ChronoField.YEAR) -> temporal.get(ChronoField.YEAR);
            default -> FIRST;
        };
    }
}
