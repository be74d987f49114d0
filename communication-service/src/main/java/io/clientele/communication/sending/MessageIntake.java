package io.clientele.communication.sending;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.communication.Channel;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageEvents;
import io.clientele.communication.messages.MessageLog;
import io.clientele.communication.messages.MessageState;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.communication.templates.TemplateChoice;
import io.clientele.communication.templates.Templates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Where requests to send become messages: stored PLANNED (due now, or at the requested notBefore),
 * idempotent by workspace and request id, and announced to the senders. Nothing is decided here: the
 * policy is applied when the message is sent.
 */
@Service
public class MessageIntake {

    private final MessageLog log;
    private final Templates templates;
    private final CommunicationSettings settings;
    private final Dispatcher dispatcher;
    private final Clock clock;

    MessageIntake(MessageLog log, Templates templates, CommunicationSettings settings, Dispatcher dispatcher, Clock clock) {
        this.log = log;
        this.templates = templates;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * @param message  the stored message: new, or the one stored before under the same request id
     * @param created  false for a request id seen before
     * @param sameRequest whether the stored message was asked with the same content (false: the id was reused)
     */
    public record Accepted(Message message, boolean created, boolean sameRequest) {
    }

    public Accepted accept(SendRequest request) {
        return acceptAll(List.of(request)).getFirst();
    }

    public List<Accepted> acceptAll(List<SendRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<Templates.TemplateRef> refs = new LinkedHashSet<>();
        requests.stream().filter(r -> r.templateKey() != null)
                .forEach(r -> refs.add(new Templates.TemplateRef(r.customer().workspaceId(), r.templateKey(), r.channel())));
        Map<Templates.TemplateRef, List<TemplateChoice>> candidates = templates.candidates(refs);
        Map<UUID, WorkspaceSettings> workspaces = settings.ofAll(requests.stream().map(r -> r.customer().workspaceId()).toList());
        List<MessageLog.NewMessage> planned = new ArrayList<>();
        for (SendRequest request : requests) {
            Message message = plan(request, title(request, candidates, workspaces.get(request.customer().workspaceId())), now);
            List<Object> events = message.dueAt().isAfter(now)
                    ? List.of(new MessageEvents.MessageScheduled(message, null, message.dueAt(), "not-before",
                            "Requested for " + message.dueAt(), now))
                    : List.of();
            planned.add(new MessageLog.NewMessage(message, events));
        }
        MessageLog.InsertResult result = log.insert(planned);
        dispatcher.wake(result.inserted().stream().filter(m -> !m.dueAt().isAfter(now)).map(Message::id).toList());
        List<Accepted> accepted = new ArrayList<>();
        for (MessageLog.NewMessage entry : planned) {
            Message existing = result.existing().get(entry.message().id());
            accepted.add(existing == null ? new Accepted(entry.message(), true, true)
                    : new Accepted(existing, false, entry.message().requestHash().equals(existing.requestHash())));
        }
        return accepted;
    }

    private Message plan(SendRequest request, String title, Instant now) {
        Instant due = request.notBefore() != null && request.notBefore().isAfter(now) ? request.notBefore() : now;
        boolean later = due.isAfter(now);
        Message.Decision planned = new Message.Decision(now, "PLANNED", later ? "not-before" : null,
                (later ? "Planned for " + due : "Planned to go now") + ", requested by "
                        + (request.requestedBy() == null ? request.origin() : request.requestedBy()),
                List.of(), due, 0, null);
        return new Message(TimeOrderedIds.next(), request.customer(), request.requestId(), fingerprint(request), request.origin(),
                request.requestedBy(), request.channel(), request.category(), request.purpose(), request.templateKey(),
                request.inline(), request.variables(), request.language(), request.scenarioId(), request.stepId(), title,
                MessageState.PLANNED, later ? "not-before" : null, later ? "Requested for " + due : null,
                request.notBefore(), due, null, 0, null, null, null, List.of(planned), false, now, now, null);
    }

    /** The template's name (in the workspace's language if it has one), or the unrendered subject. */
    private static String title(SendRequest request, Map<Templates.TemplateRef, List<TemplateChoice>> candidates,
            WorkspaceSettings workspace) {
        if (request.templateKey() != null) {
            List<TemplateChoice> choices = candidates.getOrDefault(new Templates.TemplateRef(request.customer().workspaceId(),
                    request.templateKey(), request.channel()), List.of());
            return Templates.pick(choices, List.of(workspace.defaultLanguage())).or(() -> choices.stream().findFirst())
                    .map(TemplateChoice::name).orElse(request.templateKey());
        }
        String subject = request.inline().subject();
        if (request.channel() == Channel.EMAIL && subject != null && !subject.isBlank()) {
            return subject.length() > 200 ? subject.substring(0, 200) : subject;
        }
        return request.channel() == Channel.SMS ? "One-off SMS" : "One-off e-mail";
    }

    /** What the request asked for: a request id sent again with other content is a conflict, not a replay. */
    static String fingerprint(SendRequest r) {
        String canonical = String.join("\u0000", r.customer().key(), r.channel().name(), r.category().name(),
                r.purpose().name(), String.valueOf(r.templateKey()),
                r.inline() == null ? "" : r.inline().subject() + "\u0001" + r.inline().text() + "\u0001" + r.inline().html(),
                String.valueOf(r.language()), String.valueOf(r.variables()), String.valueOf(r.scenarioId()),
                String.valueOf(r.stepId()), String.valueOf(r.notBefore()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
