package io.clientele.customer.booking;

import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.messaging.AcknowledgedProducer;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.Problems;
import io.clientele.platform.security.Actor;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * B-1's HTTP door for partners that cannot produce to Kafka: the event is checked against the same
 * contract the consumer applies, stamped with the partner's identity and workspace from its token, and
 * put on {@code booking.reservations}, where it is processed like any other.
 */
@Service
class BookingIntake {

    private final AcknowledgedProducer producer;

    BookingIntake(AcknowledgedProducer producer) {
        this.producer = producer;
    }

    /** The event source a partner's token stands for: {@code /partners/<subject>}. */
    static String partnerOf(Actor partner) {
        return "/partners/" + partner.subject();
    }

    /** @return the accepted event's id */
    String accept(Actor partner, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "type", "must be a CloudEvent object");
        }
        ObjectNode event = ((ObjectNode) body).deepCopy();
        String source = partnerOf(partner);
        if (!event.has("source")) {
            event.put("source", source);
        } else if (!source.equals(event.get("source").asString())) {
            throw InvalidInputException.of("source", "partner", "must be " + source + ", the system your token names");
        }
        if (!event.has("workspaceid")) {
            event.put("workspaceid", partner.workspaceId().toString());
        } else if (!partner.workspaceId().toString().equals(event.get("workspaceid").asString())) {
            throw InvalidInputException.of("workspaceid", "workspace", "must be the workspace your token names");
        }
        ReservationEvent read;
        try {
            read = BookingEventReader.read(event);
        } catch (UnreadableEvent unreadable) {
            throw new InvalidInputException(unreadable.violations());
        }
        try {
            producer.send(BookingEventsConsumer.TOPIC, read.externalId(), EventJson.mapper().writeValueAsString(event),
                    Map.of());
        } catch (AcknowledgedProducer.NotSent notSent) {
            throw unavailable();
        }
        return read.eventId();
    }

    private static ErrorResponseException unavailable() {
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Try again later",
                        "The event could not be queued just now; nothing was recorded. Send it again in a moment."),
                null);
        unavailable.getHeaders().set("Retry-After", "5");
        return unavailable;
    }
}
