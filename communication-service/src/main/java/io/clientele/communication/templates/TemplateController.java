package io.clientele.communication.templates;

import io.clientele.communication.HeaderText;
import io.clientele.communication.Channel;
import io.clientele.platform.problem.InvalidInputException;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Templates", description = "Message templates per channel and language, with placeholders (M-4)")
class TemplateController {

    static final String KEY = "^[a-z0-9][a-z0-9-]{0,63}$";
    static final String LANGUAGE = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$";

    private final TemplateService service;
    private final BuiltInTemplates builtIn;

    TemplateController(TemplateService service, BuiltInTemplates builtIn) {
        this.service = service;
        this.builtIn = builtIn;
    }

    /**
     * @param key      what messages name, e.g. reservation-reminder (lower case, digits, dashes)
     * @param name     for people and timelines, e.g. "Reservation reminder"
     * @param subject  e-mail only
     * @param html     e-mail only, optional
     */
    record TemplateRequest(
            @NotNull @Pattern(regexp = KEY, message = "must be lower-case letters, digits and dashes, e.g. reservation-reminder") String key,
            @NotNull Channel channel,
            @NotNull @Pattern(regexp = LANGUAGE, message = "must be a language tag such as cs or en-GB") String language,
            @NotBlank @Size(max = 200) String name,
            @HeaderText @Size(max = 300) String subject,
            @NotBlank @Size(max = 20_000) String text,
            @Size(max = 200_000) String html) {
    }

    record ReservationRequest(@NotNull Instant startsAt, Instant endsAt, @Size(max = 200) String service,
            @Size(max = 200) String staff, @Size(max = 200) String location) {

        TemplateModel.Reservation toReservation() {
            return new TemplateModel.Reservation(startsAt, endsAt, service, staff, location);
        }
    }

    record VariablesRequest(@Valid ReservationRequest reservation,
            @Size(max = 2000) @Pattern(regexp = "^https?://.*", message = "must be an http(s) URL") String orderLink,
            Map<@Pattern(regexp = "^[A-Za-z][A-Za-z0-9_]{0,63}$", message = "must be a name of letters, digits and _") String,
                    @Size(max = 2000) String> custom) {
    }

    /** @param customerId show this customer's names instead of the sample's */
    record PreviewRequest(UUID customerId, @Valid VariablesRequest variables) {
    }

    record DraftPreviewRequest(@NotNull Channel channel,
            @Pattern(regexp = LANGUAGE, message = "must be a language tag such as cs or en-GB") String language,
            @HeaderText @Size(max = 300) String subject, @NotBlank @Size(max = 20_000) String text,
            @Size(max = 200_000) String html, UUID customerId, @Valid VariablesRequest variables) {
    }

    /** @param sms the length in characters and SMS parts, for SMS */
    record Preview(String subject, String text, String html, SmsLength sms, boolean sampleCustomer) {
    }

    record TemplateView(UUID id, String key, Channel channel, String language, String name, String subject, String text,
            String html, long version, Instant createdAt, Instant updatedAt, String updatedBy) {

        static TemplateView of(TemplateDocument d) {
            return new TemplateView(UUID.fromString(d.id()), d.key(), Channel.valueOf(d.channel()), d.language(), d.name(),
                    d.subject(), d.text(), d.html(), d.version(), d.createdAt(), d.updatedAt(), d.updatedBy());
        }
    }

    @GetMapping
    @Operation(summary = "The workspace's templates", description = "Filter by key, channel or language.")
    List<TemplateView> list(Actor actor, @RequestParam(required = false) String key,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) String language) {
        return service.list(actor, key, channel, language).stream().map(TemplateView::of).toList();
    }

    /** A text Clientele ships, used for its key and channel until the workspace saves its own. */
    record BuiltInView(String key, Channel channel, String language, String name, String subject, String text,
            String html) {
    }

    @GetMapping("/built-in")
    @Operation(summary = "The templates Clientele ships", description = "What the ready-made scenarios and order "
            + "confirmations send while the workspace has no template of its own for that key and channel; saving one "
            + "with the same key and channel (in any language) replaces the built-in texts for it in every language.")
    List<BuiltInView> builtIn() {
        return builtIn.all().stream().map(t -> new BuiltInView(t.key(), t.channel(), t.language(), t.name(),
                t.subject(), t.text(), t.html())).toList();
    }

    @PostMapping
    @Operation(summary = "Create a template", description = "Placeholders: {{customer.firstName}}, {{customer.lastName}}, "
            + "{{customer.name}}, {{reservation.start}}, {{reservation.date}}, {{reservation.weekday}}, {{reservation.time}}, "
            + "{{reservation.end}}, {{reservation.service}}, {{reservation.staff}}, {{reservation.location}}, {{orderLink}}, "
            + "{{unsubscribeLink}}, {{sender.name}}, {{custom.<name>}}; sections such as {{#reservation}}...{{/reservation}} "
            + "show a part only when there is a value. A template that does not render with sample values is refused "
            + "(400, type template-error) with the engine's message and line.")
    ResponseEntity<TemplateView> create(Actor actor, @Valid @RequestBody TemplateRequest request) {
        TemplateView created = TemplateView.of(service.create(actor, request));
        return ResponseEntity.created(URI.create("/api/v1/templates/" + created.id())).eTag(etag(created.version()))
                .body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<TemplateView> get(Actor actor, @PathVariable UUID id) {
        TemplateView template = TemplateView.of(service.get(actor, id));
        return ResponseEntity.ok().eTag(etag(template.version())).body(template);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a template", description = "Messages already sent keep the content they were sent "
            + "with. With If-Match, a stale version answers 412.")
    ResponseEntity<TemplateView> update(Actor actor, @PathVariable UUID id,
            @Parameter(description = "ETag of the version being edited") @RequestHeader(value = "If-Match", required = false)
            String ifMatch, @Valid @RequestBody TemplateRequest request) {
        TemplateView updated = TemplateView.of(service.update(actor, id, request, version(ifMatch)));
        return ResponseEntity.ok().eTag(etag(updated.version())).body(updated);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        service.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Render a saved template with sample data, or with a customer and given values")
    Preview preview(Actor actor, @PathVariable UUID id, @Valid @RequestBody(required = false) PreviewRequest request) {
        return service.preview(actor, id, request);
    }

    @PostMapping("/preview")
    @Operation(summary = "Render a draft that is not saved yet")
    Preview previewDraft(Actor actor, @Valid @RequestBody DraftPreviewRequest request) {
        return service.preview(actor, request.channel(), request.language(), request.subject(), request.text(),
                request.html(), new PreviewRequest(request.customerId(), request.variables()));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("If-Match", "etag", "must be an ETag this API returned, e.g. \"3\"");
        }
    }
}
