package io.clientele.communication;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link HeaderText}; null is left to {@code @NotNull} where a value is required. */
public class HeaderTextValidator implements ConstraintValidator<HeaderText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !HeaderText.hasControlCharacter(value);
    }
}
