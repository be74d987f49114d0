package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateVariables;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to send one message, from a command on communication.commands or from staff.
 *
 * @param requestId   idempotency id, unique per workspace
 * @param templateKey exactly one of templateKey and inline
 * @param origin      COMMAND or STAFF
 */
public record SendRequest(CustomerRef customer, String requestId, Channel channel, Category category, Purpose purpose,
        String templateKey, InlineContent inline, String language, TemplateVariables variables, String scenarioId,
        String stepId, Instant notBefore, String requestedBy, String origin) {

    public SendRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        purpose = purpose == null ? Purpose.GENERAL : purpose;
        variables = variables == null ? TemplateVariables.NONE : variables;
        if ((templateKey == null) == (inline == null)) {
            throw new IllegalArgumentException("exactly one of templateKey and inline content");
        }
    }
}
