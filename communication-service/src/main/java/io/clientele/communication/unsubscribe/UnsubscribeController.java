package io.clientele.communication.unsubscribe;

import io.clientele.communication.preferences.ConsentSource;
import io.clientele.communication.preferences.PreferenceChange;
import io.clientele.communication.preferences.Preferences;
import io.clientele.communication.preferences.SubscriptionState;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public end of the unsubscribe link (M-7), no login. POST unsubscribes: what mail clients send for
 * RFC 8058 one-click ({@code List-Unsubscribe=One-Click}) and what the confirmation page's button sends.
 * GET only shows that page: mail scanners and link previewers open links by GET, and must not
 * unsubscribe anybody by doing so.
 */
@RestController
@Tag(name = "Unsubscribe (public)", description = "One-click unsubscribe links in marketing e-mails (M-7)")
@SecurityRequirements
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final Preferences preferences;
    private final CommunicationSettings settings;
    private final MeterRegistry meters;

    UnsubscribeController(UnsubscribeLinks links, Preferences preferences, CommunicationSettings settings,
            MeterRegistry meters) {
        this.links = links;
        this.preferences = preferences;
        this.settings = settings;
        this.meters = meters;
    }

    @GetMapping("/u/{token}")
    @Operation(summary = "The confirmation page of an unsubscribe link", description = "Changes nothing; its button POSTs.")
    ResponseEntity<String> page(@PathVariable String token) {
        UnsubscribeLinks.Subject subject = verified(token);
        String sender = HtmlUtils.htmlEscape(settings.of(subject.customer().workspaceId()).sender().emailName());
        boolean unsubscribed = preferences.find(subject.customer())
                .map(p -> p.erased() || p.subscription() == SubscriptionState.UNSUBSCRIBED).orElse(true);
        String body = unsubscribed
                ? "<h1>You are unsubscribed</h1><p>You receive no marketing messages from " + sender + ".</p>"
                : "<h1>Unsubscribe</h1><p>Stop marketing messages from " + sender + "? Messages about your bookings"
                        + " and orders still reach you.</p><form method=\"post\"><input type=\"hidden\" "
                        + "name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>";
        return html(body);
    }

    @PostMapping("/u/{token}")
    @Operation(summary = "Unsubscribe (RFC 8058 one-click, or the page's button)", description = "Recorded in the "
            + "consent record with source UNSUBSCRIBE_LINK and the message the link came in. Doing it twice changes "
            + "nothing the second time.")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        UnsubscribeLinks.Subject subject = verified(token);
        String sender = HtmlUtils.htmlEscape(settings.of(subject.customer().workspaceId()).sender().emailName());
        boolean changed = preferences.change(subject.customer(), PreferenceChange.subscription(SubscriptionState.UNSUBSCRIBED,
                ConsentSource.UNSUBSCRIBE_LINK, "customer", null, null,
                "Unsubscribe link of message " + subject.messageId()), false)
                .map(Preferences.Result::changed).orElse(false);
        meters.counter("clientele.unsubscribe.link", "outcome", changed ? "unsubscribed" : "unchanged").increment();
        return html("<h1>You are unsubscribed</h1><p>You will receive no more marketing messages from " + sender
                + ".</p>");
    }

    private UnsubscribeLinks.Subject verified(String token) {
        return links.verify(token).orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-unsubscribe-link", "Invalid unsubscribe link",
                        "This link is not valid: it may have been cut short or changed. Use the link from the message "
                                + "as it is, or ask the sender to unsubscribe you."), null));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                        + "<title>Unsubscribe</title></head><body>" + body + "</body></html>");
    }
}
