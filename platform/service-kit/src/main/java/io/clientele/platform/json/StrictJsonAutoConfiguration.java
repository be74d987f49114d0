package io.clientele.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * The API's JSON reads what a client wrote, never a guess at what it meant: Jackson's coercions are off
 * for every service, so a wrong type is a 400 naming the field instead of a stored surprise.
 * <ul>
 * <li>{@code {"firstName": true}} or {@code 5}: no number or boolean becomes text;</li>
 * <li>{@code {"regularThreshold": 1.5}}: no fraction is cut to a whole number;</li>
 * <li>{@code {"status": 3}} or {@code "3"}: no enum is read by its position;</li>
 * <li>{@code {"limit": "5"}}, {@code {"active": "true"}}: no text becomes a number or a boolean;</li>
 * <li>a NUL character in any string or key (which no PostgreSQL text column, no MongoDB key can hold);</li>
 * <li>a date or time outside the years 0001 to 9999.</li>
 * </ul>
 * Events are not read with this mapper ({@code EventJson} reads them leniently, as the contracts ask).
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class StrictJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer clienteleStrictJson() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Text is not a scalar to Jackson, so the switch above leaves numbers and booleans as text alone.
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(NulFreeText.module())
                .addModule(YearRange.module());
    }
}
