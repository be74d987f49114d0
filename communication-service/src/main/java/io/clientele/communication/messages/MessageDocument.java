package io.clientele.communication.messages;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.platform.outbox.mongo.StoredEvent;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateModel;
import io.clientele.communication.templates.TemplateVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message, its state machine and its pending events in one document: every transition and its event
 * are one conditional write.
 */
@Document(MessageDocument.COLLECTION)
record MessageDocument(@Id String id, String workspaceId, String customerId, String requestId, String requestHash,
        String origin, String requestedBy, String channel, String category, String purpose, String templateKey,
        InlineDoc inline, VariablesDoc variables, String languageOverride, String scenarioId, String stepId, String title,
        String state, String reasonCode, String reason, Instant notBefore, Instant dueAt, LeaseDoc lease, int attempts,
        ContentDoc content, String provider, String providerMessageId, List<DecisionDoc> decisions, boolean erased,
        Instant createdAt, Instant updatedAt, Instant sentAt, List<StoredEvent> outbox, Instant outboxDue) {

    static final String COLLECTION = "messages";
    /** The states that wait for their due time, as stored: what a sender claims and an erasure ends. */
    static final List<String> WAITING = List.of(MessageState.PLANNED.name(), MessageState.DEFERRED.name());

    record InlineDoc(String subject, String text, String html) {
    }

    record ReservationDoc(Instant startsAt, Instant endsAt, String service, String staff, String location) {
    }

    record VariablesDoc(ReservationDoc reservation, String orderLink, Map<String, String> custom) {
    }

    record LeaseDoc(String owner, String token, Instant until) {
    }

    record ContentDoc(String to, String from, String replyTo, String subject, String text, String html,
            Map<String, String> headers, String language, String templateId, Long templateVersion) {
    }

    record CheckDoc(String rule, String result, String detail) {
    }

    record DecisionDoc(Instant at, String outcome, String reasonCode, String reason, List<CheckDoc> checks,
            Instant dueAt, int attempt, String detail) {
    }

    Message toMessage() {
        return new Message(UUID.fromString(id), CustomerRef.of(workspaceId, customerId), requestId, requestHash, origin,
                requestedBy, Channel.valueOf(channel), Category.valueOf(category), Purpose.valueOf(purpose), templateKey,
                inline == null ? null : new InlineContent(inline.subject(), inline.text(), inline.html()),
                variables == null ? TemplateVariables.NONE : new TemplateVariables(
                        variables.reservation() == null ? null : new TemplateModel.Reservation(
                                variables.reservation().startsAt(), variables.reservation().endsAt(),
                                variables.reservation().service(), variables.reservation().staff(),
                                variables.reservation().location()),
                        variables.orderLink(), variables.custom()),
                languageOverride, scenarioId, stepId, title, MessageState.valueOf(state), reasonCode, reason, notBefore,
                dueAt, lease == null ? null : new Message.Lease(lease.owner(), lease.token(), lease.until()), attempts,
                content == null ? null : new Message.Content(content.to(), content.from(), content.replyTo(),
                        content.subject(), content.text(), content.html(), content.headers() == null ? Map.of() : content.headers(),
                        content.language(), content.templateId() == null ? null : UUID.fromString(content.templateId()),
                        content.templateVersion()),
                provider, providerMessageId,
                decisions == null ? List.of() : decisions.stream().map(d -> new Message.Decision(d.at(), d.outcome(),
                        d.reasonCode(), d.reason(), d.checks() == null ? List.of() : d.checks().stream()
                                .map(c -> new Message.Check(c.rule(), c.result(), c.detail())).toList(),
                        d.dueAt(), d.attempt(), d.detail())).toList(),
                erased, createdAt, updatedAt, sentAt);
    }

    static ContentDoc content(Message.Content content) {
        return content == null ? null : new ContentDoc(content.to(), content.from(), content.replyTo(), content.subject(),
                content.text(), content.html(), content.headers(), content.language(),
                content.templateId() == null ? null : content.templateId().toString(), content.templateVersion());
    }

    static DecisionDoc decision(Message.Decision decision) {
        return new DecisionDoc(decision.at(), decision.outcome(), decision.reasonCode(), decision.reason(),
                decision.checks().stream().map(c -> new CheckDoc(c.rule(), c.result(), c.detail())).toList(),
                decision.dueAt(), decision.attempt(), decision.detail());
    }

    /** A new message as stored, with the events its planning raises. */
    static MessageDocument of(Message m, List<StoredEvent> events) {
        var variables = m.variables();
        return new MessageDocument(m.id().toString(), m.customer().workspaceId().toString(),
                m.customer().customerId().toString(), m.requestId(), m.requestHash(), m.origin(), m.requestedBy(),
                m.channel().name(), m.category().name(), m.purpose().name(), m.templateKey(),
                m.inline() == null ? null : new InlineDoc(m.inline().subject(), m.inline().text(), m.inline().html()),
                variables == null ? null : new VariablesDoc(variables.reservation() == null ? null
                        : new ReservationDoc(variables.reservation().startsAt(), variables.reservation().endsAt(),
                                variables.reservation().service(), variables.reservation().staff(),
                                variables.reservation().location()),
                        variables.orderLink(), variables.custom()),
                m.languageOverride(), m.scenarioId(), m.stepId(), m.title(), m.state().name(), m.reasonCode(), m.reason(),
                m.notBefore(), m.dueAt(), null, 0, null, null, null,
                m.decisions().stream().map(MessageDocument::decision).toList(), false, m.createdAt(), m.createdAt(), null,
                events, events.isEmpty() ? null : events.getFirst().time());
    }
}
