package io.clientele.communication.messages;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.outbox.EventOutbox;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateVariables;
import io.clientele.platform.privacy.CustomerDataExporter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * C-12: every message to the customer, oldest first: what was asked (the inline text, the variables), the
 * exact content it went with, and why it was or was not sent (M-6).
 */
@Component
@Order(30)
class MessagesDataExporter implements CustomerDataExporter {

    private final MongoTemplate mongo;

    MessagesDataExporter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the sender asked for; the rendered result is the message's content. */
    record Request(String requestId, String origin, String requestedBy, String templateKey, InlineContent inline,
            TemplateVariables variables, String language, String scenarioId, String stepId, Instant notBefore) {
    }

    /** @param answer the outcome in one sentence; decisions: every verdict with the rules checked */
    record Why(String answer, List<Message.Decision> decisions) {
    }

    record ExportedMessage(UUID id, Channel channel, Category category, Purpose purpose, String title,
            Request request, MessageState state, String reasonCode, String reason, Instant createdAt, Instant dueAt,
            Instant sentAt, int attempts, String provider, String providerMessageId, Message.Content content,
            boolean erased, Why why) {

        static ExportedMessage of(Message m) {
            return new ExportedMessage(m.id(), m.channel(), m.category(), m.purpose(), m.title(),
                    new Request(m.requestId(), m.origin(), m.requestedBy(), m.templateKey(), m.inline(),
                            m.variables(), m.languageOverride(), m.scenarioId(), m.stepId(), m.notBefore()),
                    m.state(), m.reasonCode(), m.reason(), m.createdAt(), m.dueAt(), m.sentAt(), m.attempts(),
                    m.provider(), m.providerMessageId(), m.content(), m.erased(),
                    new Why(Explanations.answer(m), m.decisions()));
        }
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        CustomerRef customer = new CustomerRef(workspaceId, customerId);
        Query query = new Query(Criteria.where("workspaceId").is(customer.workspaceId().toString())
                .and("customerId").is(customer.customerId().toString()))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")));
        query.fields().exclude(EventOutbox.FIELD);
        return Map.of("messages", mongo.find(query, MessageDocument.class).stream().map(MessageDocument::toMessage)
                .map(ExportedMessage::of).toList());
    }
}
