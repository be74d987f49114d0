package io.clientele.communication;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link HeaderText}; null is left to {@code @NotNull} where a value is required. */
public class HeaderTextValidator implements ConstraintValidator<HeaderText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !hasControlCharacter(value);
    }

    /** Whether {@code text} holds a character no mail header may carry: C0 and C1 controls, DEL, U+2028, U+2029. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return true;
            }
        }
        return false;
    }
}
