package io.clientele.communication.templates;

/** Content given with a request instead of a template key; it may use the same placeholders. */
public record InlineContent(String subject, String text, String html) {
}
