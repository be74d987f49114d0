package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageLog;
import io.clientele.communication.messages.MessageLog.Transition;
import io.clientele.communication.messages.MessageQueries;
import io.clientele.communication.messages.MessageState;
import io.clientele.communication.preferences.Handoffs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Messages left SENDING by a sender that stopped (a crash, a kill) once their lease ran out. The last
 * decision tells what may have happened: before SEND was stored no hand-off had begun, so the message
 * is simply planned again. After it, the provider may have the message: an SMS is sent again under the
 * same idempotency key (the provider recognises it and sends nothing twice); an e-mail is not, because
 * SMTP cannot be asked, so it ends FAILED with outcome-unknown, visible in "why".
 */
@Component
class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final MessageQueries queries;
    private final MessageLog messages;
    private final Handoffs handoffs;
    private final SendingProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Recovery(MessageQueries queries, MessageLog messages, Handoffs handoffs, SendingProperties properties, Clock clock,
            MeterRegistry meters) {
        this.queries = queries;
        this.messages = messages;
        this.handoffs = handoffs;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return the ids planned again, to be dispatched now */
    List<UUID> recover(String owner) {
        Instant now = clock.instant();
        List<Transition> transitions = new ArrayList<>();
        List<Handoffs.HandoffRelease> releases = new ArrayList<>();
        for (Message expired : queries.expiredLeases(now, 500)) {
            Message taken = messages.takeOver(expired, owner, properties.lease()).orElse(null);
            if (taken == null) {
                continue;
            }
            Message.Decision last = taken.decisions().isEmpty() ? null : taken.decisions().getLast();
            boolean mayHaveLeft = last != null && "SEND".equals(last.outcome());
            Transition transition;
            if (!mayHaveLeft) {
                transition = replanned(taken, "replan", "The sender stopped before handing it over; planned again",
                        taken.attempts(), now);
            } else if (taken.channel() == Channel.SMS) {
                transition = replanned(taken, Delivery.RESEND, "The service stopped during the hand-off; it is sent "
                        + "again under the same idempotency key, so the provider sends it once", last.attempt(), now);
            } else {
                transition = Delivery.failed(taken, taken.content() == null ? null : taken.content().language(),
                        "outcome-unknown", "The service stopped while the SMTP server may have had the message; it is "
                                + "not sent again, so that it is never sent twice", null, List.of(), last.attempt(), now);
            }
            transitions.add(transition);
            boolean certainlyNotSent = !mayHaveLeft;
            releases.add(new Handoffs.HandoffRelease(taken.customer(), List.of(taken.id()),
                    certainlyNotSent && taken.category() == Category.MARKETING ? List.of(taken.id()) : List.of()));
        }
        if (transitions.isEmpty()) {
            return List.of();
        }
        messages.record(transitions, properties.lease());
        handoffs.release(releases);
        List<UUID> replanned = new ArrayList<>();
        for (Transition transition : transitions) {
            meters.counter("clientele.messages.recovered", "outcome", transition.state() == MessageState.FAILED
                    ? "outcome-unknown" : transition.reasonCode()).increment();
            if (transition.state() == MessageState.DEFERRED) {
                replanned.add(transition.message().id());
            }
        }
        log.warn("Recovered {} message(s) whose sender stopped: {} planned again, {} ended as outcome-unknown",
                transitions.size(), replanned.size(), transitions.size() - replanned.size());
        return replanned;
    }

    private static Transition replanned(Message message, String code, String reason, int attempts, Instant now) {
        return new Transition(message, MessageState.DEFERRED, "recovered", reason, now, null,
                new Message.Decision(now, "RECOVERED", code, reason, List.of(), now, attempts, null), attempts, null, null,
                null, List.of());
    }
}
