package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.Purpose;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.messages.Message;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.preferences.SubscriptionState;
import io.clientele.communication.settings.WorkspaceSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * M-3, applied at the moment of sending, in this order: an erased or unknown customer gets nothing; a
 * muted one nothing at all; an unsubscribed one no marketing; order confirmations need their switch; the
 * channel must be on and have an address; marketing then waits out quiet hours and the frequency cap
 * (deferred to the next allowed time, never dropped). The first rule that says no decides; every rule
 * is listed with what it found, for "why was or wasn't this sent?".
 */
final class SendPolicy {

    private static final Duration AWAIT_CONTACT_RETRY = Duration.ofSeconds(15);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Duration awaitContact;
    private final Duration awaitContactRetry;

    SendPolicy(Duration awaitContact) {
        this.awaitContact = awaitContact;
        Duration quarter = awaitContact.dividedBy(4);
        this.awaitContactRetry = quarter.compareTo(AWAIT_CONTACT_RETRY) < 0 ? quarter : AWAIT_CONTACT_RETRY;
    }

    /**
     * @param marketingSends the customer's marketing hand-offs so far, including those planned earlier in
     *                       the same batch
     */
    Verdict evaluate(Message message, Contact contact, CustomerPreferences preferences, WorkspaceSettings settings,
            RecipientTimeZones.Zone zone, List<CustomerPreferences.MarketingSend> marketingSends, Instant now) {
        Checks checks = new Checks();
        boolean marketing = message.category() == Category.MARKETING;
        if (contact == null) {
            if (now.isBefore(message.createdAt().plus(awaitContact))) {
                checks.add("customer", "DEFER", "not known yet: no customer.created.v1 arrived so far");
                return checks.defer("awaiting-contact", "The customer is not known yet; waiting for its customer event",
                        now.plus(awaitContactRetry));
            }
            checks.add("customer", "BLOCK", "never became known: no customer.created.v1 within " + awaitContact);
            return checks.skip("unknown-customer", "The customer never became known to communication-service");
        }
        if (contact.erased() || (preferences != null && preferences.erased())) {
            checks.add("customer", "BLOCK", "erased");
            return checks.skip("customer-erased", "The customer was erased");
        }
        checks.add("customer", "PASS", "known");
        if (preferences.muted()) {
            checks.add("mute", "BLOCK", "muted" + since(preferences.mutedSince()));
            return checks.skip("muted", "The customer is muted" + since(preferences.mutedSince()));
        }
        checks.add("mute", "PASS", "not muted");
        if (marketing) {
            if (preferences.subscription() == SubscriptionState.UNSUBSCRIBED) {
                String when = since(preferences.subscriptionSince())
                        + (preferences.subscriptionSource() == null ? "" : " (" + preferences.subscriptionSource() + ")");
                checks.add("subscription", "BLOCK", "unsubscribed" + when);
                return checks.skip("unsubscribed", "The customer is unsubscribed from marketing" + when);
            }
            checks.add("subscription", "PASS", "subscribed" + since(preferences.subscriptionSince()));
        } else {
            checks.add("subscription", "PASS", "not needed: transactional");
        }
        if (message.purpose() == Purpose.ORDER_CONFIRMATION) {
            if (!preferences.orderConfirmations()) {
                checks.add("order-confirmations", "BLOCK", "switched off");
                return checks.skip("order-confirmations-off", "The customer switched order-confirmation e-mails off");
            }
            checks.add("order-confirmations", "PASS", "on");
        }
        String channel = message.channel() == Channel.EMAIL ? "e-mail" : "SMS";
        if (!preferences.channels().allows(message.channel())) {
            checks.add("channel", "BLOCK", channel + " switched off");
            return checks.skip("channel-disabled", "The customer switched " + channel + " off");
        }
        checks.add("channel", "PASS", channel + " on");
        String address = message.channel() == Channel.EMAIL ? contact.email() : contact.phone();
        boolean usable = address != null && (message.channel() == Channel.EMAIL ? EMAIL : E164).matcher(address).matches();
        if (!usable) {
            String what = message.channel() == Channel.EMAIL ? "e-mail address" : "phone number";
            checks.add("address", "BLOCK", address == null ? "no " + what : "the " + what + " is not usable");
            return checks.skip("no-address", address == null ? "The customer has no " + what
                    : "The customer's " + what + " is not usable");
        }
        checks.add("address", "PASS", message.channel() == Channel.EMAIL ? "e-mail address present" : "phone number present");
        if (message.notBefore() != null && message.notBefore().isAfter(now)) {
            checks.add("not-before", "DEFER", "requested for " + message.notBefore());
            return checks.defer("not-before", "Requested for " + message.notBefore(), message.notBefore());
        }
        if (!marketing) {
            return checks.send();
        }
        WorkspaceSettings.QuietHours quiet = settings.quietHours();
        ZonedDateTime local = now.atZone(zone.zone());
        String where = zone.zone() + " (from " + zone.source() + ")";
        if (quiet != null && quiet.contains(local.toLocalTime())) {
            Instant next = quiet.nextAllowed(local);
            checks.add("quiet-hours", "DEFER", "quiet hours " + quiet + " in " + where + "; it is "
                    + LOCAL.format(local));
            return checks.defer("quiet-hours", "Quiet hours " + quiet + " in " + zone.zone() + ": deferred to "
                    + LOCAL.format(next.atZone(zone.zone())), next);
        }
        checks.add("quiet-hours", "PASS", quiet == null ? "none set" : "outside " + quiet + " in " + where);
        WorkspaceSettings.MarketingCap cap = settings.marketingCap();
        if (cap != null) {
            Instant windowStart = now.minus(cap.period());
            List<Instant> inWindow = marketingSends.stream().map(CustomerPreferences.MarketingSend::at)
                    .filter(at -> at.isAfter(windowStart)).sorted().toList();
            if (inWindow.size() >= cap.maxMessages()) {
                // When enough of the counted messages have left the window for one more to fit.
                Instant release = inWindow.get(inWindow.size() - cap.maxMessages()).plus(cap.period()).plusMillis(1);
                Instant next = quiet == null ? release : quiet.nextAllowed(release.atZone(zone.zone()));
                checks.add("frequency-cap", "DEFER", inWindow.size() + " marketing message(s) in the last "
                        + cap.period() + "; at most " + cap.maxMessages());
                return checks.defer("frequency-cap", "Frequency cap of " + cap.maxMessages() + " per " + cap.period()
                        + " reached: deferred to " + LOCAL.format(next.atZone(zone.zone())) + " " + zone.zone(), next);
            }
            checks.add("frequency-cap", "PASS", inWindow.size() + " of " + cap.maxMessages() + " in the last " + cap.period());
        } else {
            checks.add("frequency-cap", "PASS", "none set");
        }
        return checks.send();
    }

    private static String since(Instant at) {
        return at == null ? "" : " since " + at;
    }

    /** The rules checked so far, and the verdict they lead to. */
    private static final class Checks {
        private final List<Message.Check> list = new ArrayList<>();

        void add(String rule, String result, String detail) {
            list.add(new Message.Check(rule, result, detail));
        }

        Verdict send() {
            return new Verdict(Verdict.Kind.SEND, null, "Every rule allows it", null, List.copyOf(list));
        }

        Verdict skip(String code, String reason) {
            return new Verdict(Verdict.Kind.SKIP, code, reason, null, List.copyOf(list));
        }

        Verdict defer(String code, String reason, Instant until) {
            return new Verdict(Verdict.Kind.DEFER, code, reason, until, List.copyOf(list));
        }
    }
}
