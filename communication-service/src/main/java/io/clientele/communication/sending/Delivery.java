package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageEvents;
import io.clientele.communication.messages.MessageLog;
import io.clientele.communication.messages.MessageLog.Transition;
import io.clientele.communication.messages.MessageState;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.preferences.Handoff;
import io.clientele.communication.preferences.Handoffs;
import io.clientele.communication.preferences.Preferences;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.communication.templates.TemplateChoice;
import io.clientele.communication.templates.Templates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Takes a batch of claimed messages through policy, rendering and hand-off (M-3, M-5):
 * <ol>
 *   <li>the policy decides each message on the customer's current preferences;</li>
 *   <li>the messages to send are registered as hand-offs on the customers' preferences documents, against
 *       the version the policy read: if a preference changed meanwhile, the registration fails and the
 *       message is decided again, so no hand-off starts after a change that forbids it;</li>
 *   <li>every verdict, and the content to send, is stored before any hand-off: after a crash, a message
 *       whose last decision is SEND may have reached its provider, any other surely did not;</li>
 *   <li>the hand-off (e-mails of the batch in one SMTP session, SMS one by one);</li>
 *   <li>the outcomes are stored with their events, and only then the hand-offs end.</li>
 * </ol>
 */
@Component
class Delivery {

    static final String RESEND = "resend";
    private static final int ROUNDS = 5;

    private final Contacts contacts;
    private final Preferences preferences;
    private final Handoffs handoffs;
    private final CommunicationSettings settings;
    private final Templates templates;
    private final Composer composer;
    private final MessageLog log;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final RecipientTimeZones zones;
    private final SendingProperties properties;
    private final SendPolicy policy;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer handoffTime;

    Delivery(Contacts contacts, Preferences preferences, Handoffs handoffs, CommunicationSettings settings,
            Templates templates, Composer composer, MessageLog log, EmailChannel email, SmsChannel sms, RecipientTimeZones zones,
            SendingProperties properties, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.handoffs = handoffs;
        this.settings = settings;
        this.templates = templates;
        this.composer = composer;
        this.log = log;
        this.email = email;
        this.sms = sms;
        this.zones = zones;
        this.properties = properties;
        this.policy = new SendPolicy(properties.awaitContact());
        this.clock = clock;
        this.meters = meters;
        this.handoffTime = Timer.builder("clientele.messages.handoff").description("Hand-offs of a batch to a provider")
                .publishPercentileHistogram().register(meters);
    }

    /** A message ready to go: registered as a hand-off, its content and SEND decision made. */
    private record Ready(Message message, Message.Content content, String language, Message.Decision decision) {
    }

    void process(List<Message> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<CustomerRef> customers = new LinkedHashSet<>();
        claimed.forEach(m -> customers.add(m.customer()));
        Map<String, Contact> contactsByKey = contacts.findAll(customers);
        Map<String, CustomerPreferences> preferencesByKey = preferences.findAll(customers);
        List<CustomerRef> withoutPreferences = customers.stream()
                .filter(c -> contactsByKey.containsKey(c.key()) && !preferencesByKey.containsKey(c.key())).toList();
        if (!withoutPreferences.isEmpty()) {
            preferences.ensureExist(withoutPreferences);
            preferencesByKey.putAll(preferences.findAll(withoutPreferences));
        }
        Map<UUID, WorkspaceSettings> settingsByWorkspace = settings.ofAll(customers.stream().map(CustomerRef::workspaceId).toList());
        Set<Templates.TemplateRef> refs = new LinkedHashSet<>();
        claimed.stream().filter(m -> m.templateKey() != null)
                .forEach(m -> refs.add(new Templates.TemplateRef(m.customer().workspaceId(), m.templateKey(), m.channel())));
        Map<Templates.TemplateRef, List<TemplateChoice>> candidates = templates.candidates(refs);

        List<Transition> decided = new ArrayList<>();
        List<Ready> ready = new ArrayList<>();
        List<Message> pending = claimed;
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            Map<String, List<Message>> byCustomer = new LinkedHashMap<>();
            pending.forEach(m -> byCustomer.computeIfAbsent(m.customer().key(), k -> new ArrayList<>()).add(m));
            List<Handoffs.HandoffRequest> requests = new ArrayList<>();
            Map<String, List<Ready>> readyByCustomer = new HashMap<>();
            for (var entry : byCustomer.entrySet()) {
                Contact contact = contactsByKey.get(entry.getKey());
                CustomerPreferences current = preferencesByKey.get(entry.getKey());
                WorkspaceSettings workspace = settingsByWorkspace.get(entry.getValue().getFirst().customer().workspaceId());
                RecipientTimeZones.Zone zone = zones.of(contact == null ? null : contact.phone(), workspace);
                List<CustomerPreferences.MarketingSend> marketingSends = new ArrayList<>(
                        current == null ? List.of() : current.marketingSends());
                List<Ready> customerReady = new ArrayList<>();
                List<CustomerPreferences.MarketingSend> added = new ArrayList<>();
                for (Message message : entry.getValue()) {
                    Verdict verdict = policy.evaluate(message, contact, current, workspace, zone, marketingSends, now);
                    if (verdict.kind() != Verdict.Kind.SEND) {
                        decided.add(notSending(message, verdict, contact, current, workspace, zone, candidates, now));
                        continue;
                    }
                    Composer.Composition composition = composer.compose(message, contact, current, workspace, zone,
                            candidates.get(templateRef(message)));
                    if (composition.content() == null) {
                        decided.add(failed(message, composition.language(), composition.failureCode(),
                                composition.failure(), null, verdict.checks(), message.attempts(), now));
                        continue;
                    }
                    customerReady.add(new Ready(message, composition.content(), composition.language(),
                            new Message.Decision(now, "SEND", null, verdict.reason(), verdict.checks(), null,
                                    message.attempts() + 1, null)));
                    if (message.category() == Category.MARKETING && workspace.marketingCap() != null) {
                        // Only a workspace with a cap needs its customers' marketing counted.
                        CustomerPreferences.MarketingSend send = new CustomerPreferences.MarketingSend(message.id(), now);
                        marketingSends.add(send);
                        added.add(send);
                    }
                }
                if (!customerReady.isEmpty()) {
                    Instant until = now.plus(properties.lease());
                    requests.add(new Handoffs.HandoffRequest(contact.customer(), current.version(), current.marketingSeq(),
                            customerReady.stream().map(r -> new Handoff(r.message().id(), r.message().channel(),
                                    r.message().category() == Category.MARKETING,
                                    r.message().purpose() == Purpose.ORDER_CONFIRMATION, until)).toList(),
                            added, workspace.marketingCap() == null ? 0 : workspace.marketingCap().maxMessages()));
                    readyByCustomer.put(entry.getKey(), customerReady);
                }
            }
            Set<String> registered = handoffs.register(requests);
            List<Message> again = new ArrayList<>();
            readyByCustomer.forEach((key, list) -> {
                if (registered.contains(key)) {
                    ready.addAll(list);
                } else {
                    list.forEach(r -> again.add(r.message()));
                }
            });
            if (!again.isEmpty()) {
                Set<CustomerRef> changed = new LinkedHashSet<>();
                again.forEach(m -> changed.add(m.customer()));
                preferencesByKey.putAll(preferences.findAll(changed));
            }
            pending = again;
        }
        for (Message busy : pending) {
            // Preferences changed in every round: decide again in a moment.
            decided.add(deferred(busy, null, "preferences-busy", "The customer's preferences kept changing", now.plusSeconds(1),
                    List.of(), now, false));
        }

        // Every verdict and every content to send is stored before any hand-off.
        List<Transition> before = new ArrayList<>(decided);
        ready.forEach(r -> before.add(new Transition(r.message(), MessageState.SENDING, null, null, null, r.content(),
                r.decision(), null, null, null, null, List.of())));
        Set<UUID> stored = log.record(before, properties.lease());
        count(decided);
        List<Ready> go = ready.stream().filter(r -> stored.contains(r.message().id())).toList();

        Map<UUID, HandoffResult> results = handOff(go);

        Instant done = clock.instant();
        List<Transition> outcomes = new ArrayList<>();
        for (Ready r : go) {
            outcomes.add(outcome(r, results.get(r.message().id()), done));
        }
        log.record(outcomes, properties.lease());
        count(outcomes);
        release(ready, results);
    }

    private Map<UUID, HandoffResult> handOff(List<Ready> go) {
        Map<UUID, HandoffResult> results = new HashMap<>();
        if (go.isEmpty()) {
            return results;
        }
        Timer.Sample sample = Timer.start(meters);
        List<Ready> emails = go.stream().filter(r -> r.message().channel() == Channel.EMAIL).toList();
        if (!emails.isEmpty()) {
            List<HandoffResult> sent = email.sendAll(emails.stream()
                    .map(r -> new EmailChannel.Email(r.message().id(), r.content())).toList());
            for (int i = 0; i < emails.size(); i++) {
                results.put(emails.get(i).message().id(), sent.get(i));
            }
        }
        for (Ready r : go) {
            if (r.message().channel() == Channel.SMS) {
                results.put(r.message().id(), sms.send(r.message().id(), r.content().to(), r.content().from(),
                        r.content().text()));
            }
        }
        sample.stop(handoffTime);
        return results;
    }

    private Transition outcome(Ready ready, HandoffResult result, Instant now) {
        Message message = ready.message();
        int attempt = message.attempts() + 1;
        String provider = message.channel() == Channel.EMAIL ? EmailChannel.PROVIDER : sms.providerName();
        return switch (result.outcome()) {
            case SENT -> new Transition(message, MessageState.SENT, null, "Accepted by " + provider, null, null,
                    new Message.Decision(now, "SENT", null, "Accepted by " + provider, List.of(), null, attempt,
                            result.providerMessageId()),
                    attempt, provider, result.providerMessageId(), now,
                    List.of(new MessageEvents.MessageSent(message, ready.language(), attempt, provider, now)));
            case UNKNOWN -> failed(message, ready.language(), "outcome-unknown", "The connection to the provider broke "
                    + "while it had the message; it is not sent again, so that it is never sent twice",
                    result.detail(), List.of(), attempt, now);
            case CIRCUIT_OPEN -> new Transition(message, MessageState.DEFERRED, "circuit-open",
                    "The " + provider + " provider's circuit breaker is open; trying again when it lets calls through",
                    result.retryAt(), null, new Message.Decision(now, "RETRY", "circuit-open", "Circuit breaker open",
                            List.of(), result.retryAt(), message.attempts(), result.detail()),
                    null, null, null, null, List.of());
            case NOT_SENT -> {
                if (result.permanent()) {
                    boolean address = result.detail() != null && result.detail().startsWith("recipient refused");
                    yield failed(message, ready.language(), address ? "invalid-address" : "provider-rejected",
                            address ? "The provider refused the recipient's address" : "The provider refused the message",
                            result.detail(), List.of(), attempt, now);
                }
                if (attempt >= properties.maxAttempts()) {
                    yield failed(message, ready.language(), "provider-error", "The provider failed on " + attempt
                            + " attempts", result.detail(), List.of(), attempt, now);
                }
                Instant retryAt = now.plus(properties.retryAfter(attempt));
                yield new Transition(message, MessageState.DEFERRED, "retry-scheduled", "Attempt " + attempt
                        + " failed; trying again", retryAt, null,
                        new Message.Decision(now, "RETRY", "retry-scheduled", "Attempt " + attempt + " failed", List.of(),
                                retryAt, attempt, result.detail()),
                        attempt, null, null, null, List.of());
            }
        };
    }

    /** A skip or a deferral, with the content it would have had (for the preview), where there is one. */
    private Transition notSending(Message message, Verdict verdict, Contact contact, CustomerPreferences current,
            WorkspaceSettings workspace, RecipientTimeZones.Zone zone,
            Map<Templates.TemplateRef, List<TemplateChoice>> candidates, Instant now) {
        if (resend(message)) {
            // An attempt before a crash may have reached the provider; the policy now forbids another.
            return failed(message, null, "outcome-unknown", "An attempt before the service stopped may have reached "
                    + "the provider, and the policy no longer allows it: " + lower(verdict.reason()), null,
                    verdict.checks(), message.attempts(), now);
        }
        Composer.Composition composition = contact == null || contact.erased() ? null
                : composer.compose(message, contact, current, workspace, zone, candidates.get(templateRef(message)));
        Message.Content content = composition == null ? null : composition.content();
        String language = composition == null ? null : composition.language();
        if (verdict.kind() == Verdict.Kind.DEFER) {
            return deferred(message, language, verdict.reasonCode(), verdict.reason(), verdict.dueAt(), verdict.checks(),
                    now, verdict.announcesSchedule()).withContent(content);
        }
        return new Transition(message, MessageState.SKIPPED, verdict.reasonCode(), verdict.reason(), null, content,
                new Message.Decision(now, "SKIP", verdict.reasonCode(), verdict.reason(), verdict.checks(), null,
                        message.attempts(), null),
                null, null, null, null,
                List.of(new MessageEvents.MessageSkipped(message, language, verdict.reasonCode(), verdict.reason(), now)));
    }

    private static Transition deferred(Message message, String language, String code, String reason, Instant until,
            List<Message.Check> checks, Instant now, boolean announce) {
        return new Transition(message, MessageState.DEFERRED, code, reason, until, null,
                new Message.Decision(now, "DEFER", code, reason, checks, until, message.attempts(), null), null, null,
                null, null, announce ? List.of(new MessageEvents.MessageScheduled(message, language, until, code, reason, now))
                        : List.of());
    }

    static Transition failed(Message message, String language, String code, String reason, String detail,
            List<Message.Check> checks, int attempts, Instant now) {
        return new Transition(message, MessageState.FAILED, code, reason, null, null,
                new Message.Decision(now, "FAIL", code, reason, checks, null, attempts, detail), attempts, null, null, null,
                List.of(new MessageEvents.MessageFailed(message, language, code, reason, attempts, now)));
    }

    /** Ends the hand-offs; marketing that certainly did not go stops counting towards the cap. */
    private void release(List<Ready> ready, Map<UUID, HandoffResult> results) {
        Map<String, List<UUID>> ids = new LinkedHashMap<>();
        Map<String, List<UUID>> notSent = new LinkedHashMap<>();
        Map<String, CustomerRef> refs = new HashMap<>();
        for (Ready r : ready) {
            String key = r.message().customer().key();
            refs.put(key, r.message().customer());
            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(r.message().id());
            HandoffResult result = results.get(r.message().id());
            boolean certainlyNotSent = result == null || result.outcome() == HandoffResult.Outcome.NOT_SENT
                    || result.outcome() == HandoffResult.Outcome.CIRCUIT_OPEN;
            if (r.message().category() == Category.MARKETING && certainlyNotSent) {
                notSent.computeIfAbsent(key, k -> new ArrayList<>()).add(r.message().id());
            }
        }
        handoffs.release(ids.entrySet().stream().map(e -> new Handoffs.HandoffRelease(refs.get(e.getKey()),
                e.getValue(), notSent.getOrDefault(e.getKey(), List.of()))).toList());
    }

    private void count(List<Transition> transitions) {
        for (Transition t : transitions) {
            if (t.state() == MessageState.SENDING) {
                continue;
            }
            meters.counter("clientele.messages", "outcome", t.state().name().toLowerCase(java.util.Locale.ROOT),
                    "reason", t.reasonCode() == null ? "none" : t.reasonCode(),
                    "channel", t.message().channel().name(), "category", t.message().category().name()).increment();
            if (t.state() == MessageState.SENT) {
                meters.timer("clientele.messages.delivery", "channel", t.message().channel().name())
                        .record(Duration.between(t.message().createdAt(), t.sentAt()));
            }
        }
    }

    static boolean resend(Message message) {
        return !message.decisions().isEmpty() && "RECOVERED".equals(message.decisions().getLast().outcome())
                && RESEND.equals(message.decisions().getLast().reasonCode());
    }

    private static Templates.TemplateRef templateRef(Message message) {
        return message.templateKey() == null ? null
                : new Templates.TemplateRef(message.customer().workspaceId(), message.templateKey(), message.channel());
    }

    private static String lower(String text) {
        return text == null || text.isEmpty() ? "" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
