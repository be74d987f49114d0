package io.clientele.communication.sending;

import io.clientele.communication.HeaderText;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageState;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.communication.templates.InlineContent;
import io.clientele.communication.templates.TemplateModel;
import io.clientele.communication.templates.TemplateProblem;
import io.clientele.communication.templates.TemplateVariables;
import io.clientele.communication.templates.Templates;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.GoneException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Sending", description = "One-off messages from staff (M-5)")
class OneOffController {

    private final MessageIntake intake;
    private final Contacts contacts;
    private final Templates templates;
    private final CommunicationSettings settings;
    private final Clock clock;

    OneOffController(MessageIntake intake, Contacts contacts, Templates templates, CommunicationSettings settings,
            Clock clock) {
        this.intake = intake;
        this.contacts = contacts;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
    }

    record ContentRequest(@HeaderText @Size(max = 300) String subject, @NotBlank @Size(max = 20_000) String text,
            @Size(max = 200_000) String html) {
    }

    record ReservationRequest(@NotNull Instant startsAt, Instant endsAt, @Size(max = 200) String service,
            @Size(max = 200) String staff, @Size(max = 200) String location) {
    }

    record VariablesRequest(@Valid ReservationRequest reservation,
            @Size(max = 2000) @Pattern(regexp = "^https?://.*", message = "must be an http(s) URL") String orderLink,
            Map<@Pattern(regexp = "^[A-Za-z][A-Za-z0-9_]{0,63}$", message = "must be a name of letters, digits and _") String,
                    @Size(max = 2000) String> custom) {
    }

    /**
     * @param templateKey exactly one of templateKey and content
     * @param requestId   idempotency id (or the Idempotency-Key header); the same id sends one message
     */
    record OneOffRequest(@NotNull UUID customerId, @NotNull Channel channel, @NotNull Category category, Purpose purpose,
            @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,63}$", message = "must be a template key such as reservation-reminder")
            String templateKey,
            @Valid ContentRequest content,
            @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", message = "must be a language tag such as cs or en-GB")
            String language,
            @Valid VariablesRequest variables, Instant notBefore, @Size(min = 1, max = 200) String requestId) {
    }

    record Accepted(UUID id, String requestId, MessageState state, String reasonCode, Instant dueAt, Instant createdAt,
            String title, String previewPath, String whyPath) {

        static Accepted of(Message m) {
            return new Accepted(m.id(), m.requestId(), m.state(), m.reasonCode(), m.dueAt(), m.createdAt(), m.title(),
                    m.previewPath(), m.previewPath() + "/why");
        }
    }

    @PostMapping("/api/v1/messages")
    @Operation(summary = "Send a one-off message to a customer", description = "202 Accepted: the message is stored and "
            + "goes as soon as the policy allows (mute, subscription, channel, quiet hours and cap are checked when it is "
            + "sent); follow previewPath and whyPath. The same requestId (or Idempotency-Key) again answers 200 with the "
            + "message already stored; with different content, 409.")
    ResponseEntity<Accepted> send(Actor actor,
            @Parameter(description = "Idempotency key, when requestId is not given")
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody OneOffRequest request) {
        CustomerRef customer = new CustomerRef(actor.workspaceId(), request.customerId());
        check(actor, customer, request);
        String requestId = request.requestId() != null ? request.requestId()
                : idempotencyKey != null && !idempotencyKey.isBlank() ? "idem:" + idempotencyKey.strip()
                : "staff:" + TimeOrderedIds.next();
        if (requestId.length() > 200) {
            throw InvalidInputException.of("Idempotency-Key", "size", "must be at most 190 characters");
        }
        ContentRequest content = request.content();
        SendRequest send = new SendRequest(customer, requestId, request.channel(), request.category(), request.purpose(),
                request.templateKey(), content == null ? null : new InlineContent(content.subject(), content.text(),
                        content.html()),
                request.language(), variables(request.variables()), null, null, request.notBefore(),
                actor.subject(), "STAFF");
        MessageIntake.Accepted accepted = intake.accept(send);
        if (!accepted.created() && !accepted.sameRequest()) {
            throw ConflictException.onField("request-id-reused", "Request id reused", "requestId", "request id '"
                    + requestId + "' was used for another message; use a new one for a new message");
        }
        Accepted body = Accepted.of(accepted.message());
        return ResponseEntity.status(accepted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(body.previewPath())).body(body);
    }

    private void check(Actor actor, CustomerRef customer, OneOffRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if ((request.templateKey() == null) == (request.content() == null)) {
            violations.add(new FieldViolation("templateKey", "one-of", "give exactly one of templateKey and content"));
        }
        ContentRequest content = request.content();
        if (content != null && request.channel() == Channel.EMAIL && (content.subject() == null || content.subject().isBlank())) {
            violations.add(new FieldViolation("content.subject", "required", "an e-mail needs a subject"));
        }
        if (content != null && request.channel() == Channel.SMS && (content.subject() != null || content.html() != null)) {
            violations.add(new FieldViolation(content.subject() != null ? "content.subject" : "content.html", "sms",
                    "an SMS has only a text"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Contact contact = contacts.find(customer).orElseThrow(() -> new NotFoundException("customer", customer.customerId()));
        if (contact.erased()) {
            throw new GoneException("customer-erased", "Customer erased", "Customer " + customer.customerId()
                    + " was erased; nothing is sent to it");
        }
        if (request.templateKey() != null && !templates.exists(actor.workspaceId(), request.templateKey(), request.channel())) {
            throw InvalidInputException.of("templateKey", "template", "this workspace has no " + request.channel()
                    + " template '" + request.templateKey() + "'");
        }
        if (content != null) {
            WorkspaceSettings workspace = settings.of(actor.workspaceId());
            String language = request.language() != null ? request.language() : workspace.defaultLanguage();
            try {
                Templates.validate(request.channel(), new InlineContent(content.subject(), content.text(), content.html()),
                        workspace.timeZone(), Locale.forLanguageTag(language), clock.instant());
            } catch (TemplateProblem problem) {
                throw problem.asInvalidInput("content.");
            }
        }
    }

    private static TemplateVariables variables(VariablesRequest given) {
        if (given == null) {
            return TemplateVariables.NONE;
        }
        ReservationRequest r = given.reservation();
        return new TemplateVariables(r == null ? null
                : new TemplateModel.Reservation(r.startsAt(), r.endsAt(), r.service(), r.staff(), r.location()),
                given.orderLink(), given.custom());
    }
}
