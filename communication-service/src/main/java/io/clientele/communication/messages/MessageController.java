package io.clientele.communication.messages;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Message log", description = "Every planned, sent, skipped and failed message, its exact content and why (M-6)")
class MessageController {

    private final MessageQueries log;

    MessageController(MessageQueries log) {
        this.log = log;
    }

    /** A row of a customer's log. */
    record MessageSummary(UUID id, UUID customerId, String requestId, Channel channel, Category category, String title,
            String templateKey, MessageState state, String reasonCode, String reason, String scenarioId, String stepId,
            Instant createdAt, Instant dueAt, Instant sentAt, int attempts, String previewPath) {

        static MessageSummary of(Message m) {
            return new MessageSummary(m.id(), m.customer().customerId(), m.requestId(), m.channel(), m.category(),
                    m.title(), m.templateKey(), m.state(), m.reasonCode(), m.reason(), m.scenarioId(), m.stepId(),
                    m.createdAt(), m.dueAt(), m.sentAt(), m.attempts(), m.previewPath());
        }
    }

    record Page(List<MessageSummary> items, String nextCursor) {
    }

    /** The whole message: what was asked, its state, and the exact content as sent (or as it would have been). */
    record MessageDetail(UUID id, UUID customerId, String requestId, String origin, String requestedBy, Channel channel,
            Category category, String purpose, String title, String templateKey, String scenarioId, String stepId,
            MessageState state, String reasonCode, String reason, Instant createdAt, Instant notBefore, Instant dueAt,
            Instant sentAt, int attempts, String provider, String providerMessageId, Message.Content content,
            boolean erased) {

        static MessageDetail of(Message m) {
            return new MessageDetail(m.id(), m.customer().customerId(), m.requestId(), m.origin(), m.requestedBy(),
                    m.channel(), m.category(), m.purpose().name(), m.title(), m.templateKey(), m.scenarioId(), m.stepId(),
                    m.state(), m.reasonCode(), m.reason(), m.createdAt(), m.notBefore(), m.dueAt(), m.sentAt(),
                    m.attempts(), m.provider(), m.providerMessageId(), m.content(), m.erased());
        }
    }

    /** @param answer the outcome in one sentence; decisions: every verdict with the rules checked, oldest first */
    record Why(UUID messageId, MessageState state, String reasonCode, String answer, List<Message.Decision> decisions) {
    }

    @GetMapping("/api/v1/messages")
    @Operation(summary = "A customer's messages, newest first", description = "Keyset pages: follow nextCursor.")
    Page list(Actor actor, @RequestParam UUID customerId,
            @Parameter(description = "Only these states (repeat or comma-separate)") @RequestParam(required = false) Set<MessageState> state,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) Category category,
            @Parameter(description = "1 to 200 (default 50)") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 200) {
            throw InvalidInputException.of("limit", "range", "must be between 1 and 200");
        }
        MessageQueries.Page page = log.page(new CustomerRef(actor.workspaceId(), customerId), state, channel, category, size,
                cursor);
        return new Page(page.items().stream().map(MessageSummary::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/v1/messages/counts")
    @Operation(summary = "How many messages a customer has, by state, channel and category (kept after erasure)")
    List<MessageQueries.Count> counts(Actor actor, @RequestParam UUID customerId) {
        return log.counts(new CustomerRef(actor.workspaceId(), customerId));
    }

    @GetMapping("/api/v1/messages/{id}")
    @Operation(summary = "A message with its exact rendered content and headers (the preview timelines link to)")
    MessageDetail get(Actor actor, @PathVariable UUID id) {
        return MessageDetail.of(message(actor, id));
    }

    @GetMapping("/api/v1/messages/{id}/why")
    @Operation(summary = "Why a message was, or was not, sent", description = "Each decision lists the rules checked "
            + "at that moment (erasure, mute, subscription, order confirmations, channel, address, quiet hours, "
            + "frequency cap) with what each found, and what the provider answered.")
    Why why(Actor actor, @PathVariable UUID id) {
        Message message = message(actor, id);
        return new Why(message.id(), message.state(), message.reasonCode(), Explanations.answer(message),
                message.decisions());
    }

    private Message message(Actor actor, UUID id) {
        return log.find(actor.workspaceId(), id).orElseThrow(() -> new NotFoundException("message", id));
    }
}
