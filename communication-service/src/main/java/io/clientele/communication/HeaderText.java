package io.clientele.communication;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that becomes (part of) a mail header: a subject, a sender's name or address, a reply-to. A CR or LF
 * in it would end the header and start another one (header injection: a forged Bcc, a second body), so
 * it must hold no control character at all; checked before anything is stored (400 naming the field).
 * The e-mail channel refuses such a header again when it builds the message.
 */
@Documented
@Constraint(validatedBy = HeaderTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HeaderText {

    String message() default "must not contain line breaks or other control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
