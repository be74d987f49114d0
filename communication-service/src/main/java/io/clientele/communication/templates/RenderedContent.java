package io.clientele.communication.templates;

/** A message as it will be sent: subject and HTML for e-mails only. */
public record RenderedContent(String subject, String text, String html) {
}
