package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.platform.problem.GoneException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/preferences/{customerId}")
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Preferences", description = "Subscription, mute, channels, language, order confirmations (M-1)")
class PreferencesController {

    private final Preferences preferences;
    private final CommunicationSettings settings;

    PreferencesController(Preferences preferences, CommunicationSettings settings) {
        this.preferences = preferences;
        this.settings = settings;
    }

    record ChannelsRequest(@NotNull Boolean email, @NotNull Boolean sms, @NotNull Boolean push) {
    }

    /**
     * @param source         STAFF (default), API or IMPORT; BOOKING and UNSUBSCRIBE_LINK come only from
     *                       bookings and the link itself
     * @param wordingVersion the consent wording the customer agreed to (default: the workspace's current one)
     */
    record PreferencesRequest(@NotNull SubscriptionState subscriptionState, @NotNull Boolean muted,
            @NotNull @Valid ChannelsRequest channels,
            @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", message = "must be a language tag such as cs or en-GB")
            String language,
            @NotNull Boolean orderConfirmations, ConsentSource source, @Size(max = 50) String wordingVersion,
            @Size(max = 500) String note) {
    }

    record ActionRequest(ConsentSource source, @Size(max = 50) String wordingVersion, @Size(max = 500) String note) {
    }

    record PreferencesView(UUID customerId, SubscriptionState subscriptionState, boolean muted, String contactState,
            ChannelSwitches channels, String language, boolean orderConfirmations, long version,
            Instant subscriptionSince, ConsentSource subscriptionSource, Instant mutedSince, Instant updatedAt) {

        static PreferencesView of(CustomerPreferences p) {
            return new PreferencesView(p.customer().customerId(), p.subscription(), p.muted(), p.contactState(),
                    p.channels(), p.language(), p.orderConfirmations(), p.version(), p.subscriptionSince(),
                    p.subscriptionSource(), p.mutedSince(), p.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "A customer's preferences", description = "The ETag is the version.")
    ResponseEntity<PreferencesView> get(Actor actor, @PathVariable UUID customerId) {
        return view(existing(actor, customerId));
    }

    @PutMapping
    @Operation(summary = "Replace a customer's preferences", description = "Every field is set as sent; what "
            + "changes is recorded in the consent record and published. With If-Match, a stale version answers 412. "
            + "Muting, unsubscribing or switching a channel off answers once hand-offs already in progress "
            + "have ended: after the answer, no message it forbids leaves.")
    ResponseEntity<PreferencesView> replace(Actor actor, @PathVariable UUID customerId,
            @Parameter(description = "ETag of the version being edited") @RequestHeader(value = "If-Match", required = false)
            String ifMatch, @Valid @RequestBody PreferencesRequest request) {
        existing(actor, customerId);
        ConsentSource source = source(request.source());
        PreferenceChange change = new PreferenceChange(request.subscriptionState(), request.muted(),
                request.channels().email(), request.channels().sms(), request.channels().push(), true,
                request.language(), request.orderConfirmations(), source, actor.subject(),
                wording(actor, request.subscriptionState(), request.wordingVersion()), null, request.note());
        return view(apply(actor, customerId, change, version(ifMatch)));
    }

    @PostMapping("/subscribe")
    @Operation(summary = "Subscribe to marketing (consent given)")
    ResponseEntity<PreferencesView> subscribe(Actor actor, @PathVariable UUID customerId,
            @Valid @RequestBody(required = false) ActionRequest request) {
        ActionRequest action = request == null ? new ActionRequest(null, null, null) : request;
        return view(apply(actor, customerId, PreferenceChange.subscription(SubscriptionState.SUBSCRIBED,
                source(action.source()), actor.subject(), wording(actor, SubscriptionState.SUBSCRIBED, action.wordingVersion()),
                null, action.note()), null));
    }

    @PostMapping("/unsubscribe")
    @Operation(summary = "Unsubscribe from marketing (consent withdrawn)")
    ResponseEntity<PreferencesView> unsubscribe(Actor actor, @PathVariable UUID customerId,
            @Valid @RequestBody(required = false) ActionRequest request) {
        ActionRequest action = request == null ? new ActionRequest(null, null, null) : request;
        return view(apply(actor, customerId, PreferenceChange.subscription(SubscriptionState.UNSUBSCRIBED,
                source(action.source()), actor.subject(), action.wordingVersion(), null, action.note()), null));
    }

    @PostMapping("/mute")
    @Operation(summary = "Mute: no message at all, transactional included", description = "Answers once the "
            + "hand-offs in progress have ended; after the answer nothing leaves for this customer.")
    ResponseEntity<PreferencesView> mute(Actor actor, @PathVariable UUID customerId,
            @Valid @RequestBody(required = false) ActionRequest request) {
        ActionRequest action = request == null ? new ActionRequest(null, null, null) : request;
        return view(apply(actor, customerId, PreferenceChange.mute(true, source(action.source()), actor.subject(),
                action.note()), null));
    }

    @PostMapping("/unmute")
    @Operation(summary = "Unmute")
    ResponseEntity<PreferencesView> unmute(Actor actor, @PathVariable UUID customerId,
            @Valid @RequestBody(required = false) ActionRequest request) {
        ActionRequest action = request == null ? new ActionRequest(null, null, null) : request;
        return view(apply(actor, customerId, PreferenceChange.mute(false, source(action.source()), actor.subject(),
                action.note()), null));
    }

    private CustomerPreferences apply(Actor actor, UUID customerId, PreferenceChange change, Long expectedVersion) {
        CustomerRef customer = new CustomerRef(actor.workspaceId(), customerId);
        CustomerPreferences result = preferences.change(customer, change, false, expectedVersion)
                .orElseThrow(() -> new NotFoundException("customer", customerId)).preferences();
        if (result.erased()) {
            throw erased(customerId);
        }
        return result;
    }

    private CustomerPreferences existing(Actor actor, UUID customerId) {
        CustomerPreferences found = preferences.find(new CustomerRef(actor.workspaceId(), customerId))
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        if (found.erased()) {
            throw erased(customerId);
        }
        return found;
    }

    static GoneException erased(UUID customerId) {
        return new GoneException("customer-erased", "Customer erased",
                "Customer " + customerId + " was erased; nothing is kept or sent for it");
    }

    private String wording(Actor actor, SubscriptionState state, String given) {
        if (given != null) {
            return given;
        }
        return state == SubscriptionState.SUBSCRIBED ? settings.of(actor.workspaceId()).consentWordingVersion() : null;
    }

    private static ConsentSource source(ConsentSource requested) {
        if (requested == null) {
            return ConsentSource.STAFF;
        }
        if (requested == ConsentSource.BOOKING || requested == ConsentSource.UNSUBSCRIBE_LINK) {
            throw InvalidInputException.of("source", "source", "must be STAFF, API or IMPORT; " + requested
                    + " changes come only from bookings and the unsubscribe link");
        }
        return requested;
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

    private static ResponseEntity<PreferencesView> view(CustomerPreferences preferences) {
        return ResponseEntity.ok().eTag("\"" + preferences.version() + "\"").body(PreferencesView.of(preferences));
    }
}
