package io.clientele.communication.messages;

import java.time.format.DateTimeFormatter;

/** The outcome of a message in one sentence, for "why was or wasn't this sent?". */
final class Explanations {

    private Explanations() {
    }

    static String answer(Message message) {
        String reason = message.reason() == null ? "" : message.reason();
        return switch (message.state()) {
            case SENT -> "Sent at " + time(message.sentAt()) + " through " + message.provider()
                    + (message.attempts() > 1 ? " on attempt " + message.attempts() : "") + ".";
            case SKIPPED -> "Not sent: " + lower(reason) + " (" + message.reasonCode() + ").";
            case FAILED -> "Not delivered: " + lower(reason) + " (" + message.reasonCode() + ").";
            case DEFERRED -> "Waiting until " + time(message.dueAt()) + ": " + lower(reason) + " (" + message.reasonCode()
                    + ").";
            case PLANNED -> message.dueAt() != null && message.notBefore() != null && message.dueAt().equals(message.notBefore())
                    ? "Planned for " + time(message.dueAt()) + ", as requested."
                    : "Planned; it goes as soon as the sender gets to it.";
            case SENDING -> "Being handed to the provider now.";
        };
    }

    private static String time(java.time.Instant at) {
        return at == null ? "?" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
