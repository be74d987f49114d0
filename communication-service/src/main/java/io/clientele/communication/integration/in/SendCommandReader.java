package io.clientele.communication.integration.in;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.sending.SendRequest;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateModel;
import io.clientele.communication.templates.TemplateVariables;
import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code communication.send-requested.v1} (platform/contracts) into a {@link SendRequest}; what
 * breaks the contract is reported field by field and never applied.
 */
final class SendCommandReader {

    static final String TYPE = "communication.send-requested.v1";
    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private SendCommandReader() {
    }

    static SendRequest read(byte[] json) throws UnreadableEvent {
        JsonNode event = EventFields.parse(json);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        if (!TYPE.equals(envelope.type())) {
            check.fail("type", "'" + envelope.type() + "' is not a command of communication.commands (" + TYPE + ")");
            check.done();
        }
        JsonNode data = envelope.data();
        String requestId = check.text(data, "requestId", "data.requestId", 200, true);
        UUID customerId = check.uuid(data, "customerId", "data.customerId", true);
        if (customerId != null && envelope.subject() != null && !customerId.toString().equals(envelope.subject())) {
            check.fail("subject", "must be the customer id (" + customerId + ")");
        }
        Channel channel = check.choice(data, "channel", "data.channel", Channel.class, true);
        Category category = check.choice(data, "category", "data.category", Category.class, true);
        Purpose purpose = check.choice(data, "purpose", "data.purpose", Purpose.class, false);
        String templateKey = check.text(data, "templateKey", "data.templateKey", 64, false);
        if (templateKey != null && !KEY.matcher(templateKey).matches()) {
            check.fail("data.templateKey", "must be lower-case letters, digits and dashes");
        }
        InlineContent inline = null;
        JsonNode content = check.object(data, "content", "data.content", false);
        if (content != null) {
            inline = new InlineContent(check.text(content, "subject", "data.content.subject", 300, false),
                    check.text(content, "text", "data.content.text", 20_000, true),
                    check.text(content, "html", "data.content.html", 200_000, false));
            if (channel == Channel.EMAIL && inline.subject() == null) {
                check.fail("data.content.subject", "an e-mail needs a subject");
            }
        }
        if ((templateKey == null) == (content == null)) {
            check.fail("data", "needs exactly one of templateKey and content");
        }
        String language = check.text(data, "language", "data.language", 35, false);
        TemplateVariables variables = variables(check, data);
        String scenarioId = check.text(data, "scenarioId", "data.scenarioId", 100, false);
        String stepId = check.text(data, "stepId", "data.stepId", 100, false);
        Instant notBefore = check.instant(data, "notBefore", "data.notBefore", false);
        String requestedBy = check.text(data, "requestedBy", "data.requestedBy", 200, false);
        check.done();
        return new SendRequest(new CustomerRef(envelope.workspaceId(), customerId), requestId, channel, category, purpose,
                templateKey, inline, language, variables, scenarioId, stepId, notBefore,
                requestedBy == null ? envelope.source() : requestedBy, "COMMAND");
    }

    private static TemplateVariables variables(EventFields check, JsonNode data) {
        JsonNode variables = check.object(data, "variables", "data.variables", false);
        if (variables == null) {
            return TemplateVariables.NONE;
        }
        JsonNode reservation = check.object(variables, "reservation", "data.variables.reservation", false);
        TemplateModel.Reservation booked = reservation == null ? null : new TemplateModel.Reservation(
                check.instant(reservation, "startsAt", "data.variables.reservation.startsAt", true),
                check.instant(reservation, "endsAt", "data.variables.reservation.endsAt", false),
                check.text(reservation, "service", "data.variables.reservation.service", 200, false),
                check.text(reservation, "staff", "data.variables.reservation.staff", 200, false),
                check.text(reservation, "location", "data.variables.reservation.location", 200, false));
        String orderLink = check.text(variables, "orderLink", "data.variables.orderLink", 2000, false);
        if (orderLink != null && !orderLink.startsWith("http://") && !orderLink.startsWith("https://")) {
            check.fail("data.variables.orderLink", "must be an http(s) URL");
        }
        return new TemplateVariables(booked, orderLink, check.strings(variables, "custom", "data.variables.custom", 2000));
    }
}
