package io.clientele.scenario.enrollments;

import io.clientele.platform.inbox.Inbox;
import io.clientele.scenario.definitions.Definition.ExitRule;
import io.clientele.scenario.definitions.Definition.Trigger;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import io.clientele.scenario.enrollments.IncomingEventsV1.Received;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of customer and communication events in one transaction (redeliveries dropped by the inbox):
 * the read model first, then what the event means for scenarios: exits, moved reminders, new enrollments.
 */
@Service
class IncomingEvents {

    static final String CUSTOMER_INBOX = "scenario-service:customer.events";
    static final String COMMUNICATION_INBOX = "scenario-service:communication.events";

    private final Inbox inbox;
    private final ReadModel readModel;
    private final Enrollments enrollments;
    private final Scenarios scenarios;
    private final Birthdays birthdays;
    private final Clock clock;

    IncomingEvents(Inbox inbox, ReadModel readModel, Enrollments enrollments, Scenarios scenarios,
            Birthdays birthdays, Clock clock) {
        this.birthdays = birthdays;
        this.inbox = inbox;
        this.readModel = readModel;
        this.enrollments = enrollments;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    @Transactional
    void applyCustomerEvents(List<Received> batch) {
        apply(CUSTOMER_INBOX, batch);
    }

    @Transactional
    void applyCommunicationEvents(List<Received> batch) {
        apply(COMMUNICATION_INBOX, batch);
    }

    private void apply(String consumer, List<Received> batch) {
        Set<Inbox.Delivery> fresh = inbox.firstDeliveries(consumer, batch.stream().map(Received::delivery).toList());
        for (Received event : batch) {
            if (fresh.remove(event.delivery())) {
                apply(event, clock.instant());
            }
        }
    }

    private void apply(Received event, Instant now) {
        switch (event.type()) {
            case IncomingEventsV1.CREATED, IncomingEventsV1.UPDATED -> {
                readModel.customer(event.workspaceId(), event.customerId(), Boolean.TRUE.equals(event.synced()),
                        event.value(), event.language(), now);
                birthdays.told(event.workspaceId(), event.customerId(), event.birthDate(), now);
                if (event.type().equals(IncomingEventsV1.CREATED)) {
                    enrol(event, Trigger.CUSTOMER_CREATED, now);
                }
            }
            case IncomingEventsV1.STATUS_CHANGED -> {
                readModel.status(event.workspaceId(), event.customerId(), event.value(), now);
                if ("BLOCKED".equals(event.value())) {
                    enrollments.exit(event.workspaceId(), event.customerId(), null, ExitRule.CUSTOMER_BLOCKED, now);
                }
            }
            case IncomingEventsV1.PREFERENCES -> {
                readModel.subscription(event.workspaceId(), event.customerId(), event.value(), now);
                if ("UNSUBSCRIBED".equals(event.value())) {
                    enrollments.exit(event.workspaceId(), event.customerId(), null, ExitRule.UNSUBSCRIBED, now);
                }
            }
            case IncomingEventsV1.ERASED -> {
                enrollments.forget(event.workspaceId(), event.customerId());
                readModel.erase(event.workspaceId(), event.customerId(), now);
            }
            case IncomingEventsV1.RESERVATION -> {
                readModel.reservation(event.workspaceId(), event.reservation(), event.occurredAt(), now);
                // what the read model holds now: an older event arriving late does not move anything back
                var current = readModel.reservation(event.workspaceId(), event.reservation().id()).orElse(null);
                if (current == null) {
                    return;
                }
                if ("CANCELLED".equals(current.status())) {
                    enrollments.exit(event.workspaceId(), event.customerId(), current.id(),
                            ExitRule.RESERVATION_CANCELLED, now);
                } else if (event.change().equals("RESCHEDULED")) {
                    enrollments.reschedule(event.workspaceId(), current, now);
                }
                if (event.change().equals("CREATED") || event.change().equals("COMPLETED")) {
                    enrollments.nextReservation(event.workspaceId(), event.customerId(), current.id(), now);
                }
                enrol(event, Trigger.ofReservationChange(event.change()), now);
            }
            default -> throw new IllegalStateException("unexpected type " + event.type());
        }
    }

    private void enrol(Received event, Trigger trigger, Instant now) {
        for (ScenarioVersion scenario : scenarios.startedBy(event.workspaceId(), trigger)) {
            enrollments.start(event.workspaceId(), scenario, event.customerId(),
                    event.reservation() == null ? null : readModel.reservation(event.workspaceId(),
                            event.reservation().id()).orElse(null), "trigger:" + event.type(), now);
        }
    }
}
