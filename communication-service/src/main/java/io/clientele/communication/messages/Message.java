package io.clientele.communication.messages;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One message of the log (M-6): what was asked, its state and reason, the exact content it was sent
 * with, and every decision taken about it.
 *
 * @param requestId  the idempotency id it was requested with (unique per workspace)
 * @param origin     COMMAND (communication.commands) or STAFF (the one-off API)
 * @param title      for timelines: the template's name or the unrendered subject; never rendered personal data
 * @param lease      who is handing it over now, while SENDING
 * @param content    as rendered for the last attempt (absent before rendering and after erasure)
 */
public record Message(UUID id, CustomerRef customer, String requestId, String requestHash, String origin,
        String requestedBy, Channel channel, Category category, Purpose purpose, String templateKey,
        InlineContent inline, TemplateVariables variables, String languageOverride, String scenarioId, String stepId,
        String title, MessageState state, String reasonCode, String reason, Instant notBefore, Instant dueAt,
        Lease lease, int attempts, Content content, String provider, String providerMessageId,
        List<Decision> decisions, boolean erased, Instant createdAt, Instant updatedAt, Instant sentAt) {

    /** The same message under another title (erasure replaces a subject staff typed). */
    Message withTitle(String newTitle) {
        return new Message(id, customer, requestId, requestHash, origin, requestedBy, channel, category, purpose,
                templateKey, inline, variables, languageOverride, scenarioId, stepId, newTitle, state, reasonCode, reason,
                notBefore, dueAt, lease, attempts, content, provider, providerMessageId, decisions, erased, createdAt,
                updatedAt, sentAt);
    }

    public record Lease(String owner, String token, Instant until) {
    }

    /**
     * @param to      the e-mail address or phone number it went to
     * @param headers the e-mail headers that are ours to set (List-Unsubscribe, Message-ID, ...)
     */
    public record Content(String to, String from, String replyTo, String subject, String text, String html,
            Map<String, String> headers, String language, UUID templateId, Long templateVersion) {
    }

    /**
     * One decision: the policy's verdict with every rule it checked, or what the provider answered.
     *
     * @param outcome SEND, DEFER, SKIP, FAIL, SENT, RETRY, UNKNOWN, RECOVERED
     * @param detail  technical detail (a provider's answer); removed when the customer is erased
     */
    public record Decision(Instant at, String outcome, String reasonCode, String reason, List<Check> checks,
            Instant dueAt, int attempt, String detail) {
    }

    /** @param result PASS, BLOCK, DEFER or SKIPPED (not checked: an earlier rule decided) */
    public record Check(String rule, String result, String detail) {
    }

    public String previewPath() {
        return "/api/v1/messages/" + id;
    }
}
