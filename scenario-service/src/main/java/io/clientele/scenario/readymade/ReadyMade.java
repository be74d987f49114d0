package io.clientele.scenario.readymade;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-2: the ready-made scenarios, written as ordinary definitions (the same reader checks them), so a workspace
 * that switched one on can read and edit it like its own. The channel is the one choice they leave open.
 */
final class ReadyMade {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Offer(String key, String name, String description) {
    }

    static final List<Offer> OFFERS = List.of(
            new Offer("reservation-reminder", "Reservation reminder",
                    "24 hours and 2 hours before a booked visit; ends when the reservation is cancelled"),
            new Offer("thank-you-after-visit", "Thank you after the visit",
                    "2 hours after a completed visit, once per reservation"),
            new Offer("welcome", "Welcome", "right after a new customer is created, once"),
            new Offer("birthday-greeting", "Birthday greeting",
                    "on the customer's birthday (date of birth from customer-service) at the configured local time;"
                            + " 29 February: 28 February in other years; at most once in 300 days"),
            new Offer("reactivation", "Reactivation",
                    "N days (default 90) after the customer's last completed visit; each new booking or visit starts"
                            + " the wait afresh, with no nightly scan"));

    private ReadyMade() {
    }

    static JsonNode definition(String key, String channel, int days) {
        if (!List.of("SMS", "EMAIL").contains(channel)) {
            throw InvalidInputException.of("channel", "unknown", "'" + channel + "' is not one of [SMS, EMAIL]");
        }
        String json = switch (key) {
            case "reservation-reminder" -> """
                    {"name": "Reservation reminder", "trigger": "RESERVATION_CREATED",
                     "entry": {"reEntry": "ONCE_PER_RESERVATION"},
                     "exitWhen": ["RESERVATION_CANCELLED", "CUSTOMER_BLOCKED"],
                     "steps": [
                       {"id": "wait-24h", "type": "WAIT_UNTIL", "relativeToReservationStart": "-PT24H"},
                       {"id": "reminder-24h", "type": "SEND", "title": "Reminder a day before",
                        "message": {"templateKey": "reservation-reminder", "channel": "%1$s", "category": "TRANSACTIONAL"}},
                       {"id": "wait-2h", "type": "WAIT_UNTIL", "relativeToReservationStart": "-PT2H"},
                       {"id": "reminder-2h", "type": "SEND", "title": "Reminder two hours before",
                        "message": {"templateKey": "reservation-reminder", "channel": "%1$s", "category": "TRANSACTIONAL"}}
                     ]}""";
            case "thank-you-after-visit" -> """
                    {"name": "Thank you after the visit", "trigger": "RESERVATION_COMPLETED",
                     "entry": {"reEntry": "ONCE_PER_RESERVATION"},
                     "exitWhen": ["CUSTOMER_BLOCKED", "UNSUBSCRIBED"],
                     "steps": [
                       {"id": "wait-2h", "type": "WAIT", "duration": "PT2H"},
                       {"id": "thank-you", "type": "SEND", "title": "Thank you for the visit",
                        "message": {"templateKey": "thank-you", "channel": "%1$s", "category": "MARKETING"}}
                     ]}""";
            case "welcome" -> """
                    {"name": "Welcome", "trigger": "CUSTOMER_CREATED", "entry": {"reEntry": "ONCE"},
                     "exitWhen": ["CUSTOMER_BLOCKED", "UNSUBSCRIBED"],
                     "steps": [
                       {"id": "welcome", "type": "SEND", "title": "Welcome",
                        "message": {"templateKey": "welcome", "channel": "%1$s", "category": "MARKETING"}}
                     ]}""";
            case "birthday-greeting" -> """
                    {"name": "Birthday greeting", "trigger": "BIRTHDAY",
                     "entry": {"reEntry": "AFTER_COOLDOWN", "cooldown": "P300D"},
                     "exitWhen": ["CUSTOMER_BLOCKED", "UNSUBSCRIBED"],
                     "steps": [
                       {"id": "greeting", "type": "SEND", "title": "Happy birthday",
                        "message": {"templateKey": "birthday-greeting", "channel": "%1$s", "category": "MARKETING"}}
                     ]}""";
            case "reactivation" -> """
                    {"name": "Reactivation", "trigger": "RESERVATION_COMPLETED", "entry": {"reEntry": "ALWAYS"},
                     "exitWhen": ["NEXT_RESERVATION", "CUSTOMER_BLOCKED", "UNSUBSCRIBED"],
                     "steps": [
                       {"id": "wait", "type": "WAIT", "duration": "P%2$dD"},
                       {"id": "we-miss-you", "type": "SEND", "title": "We miss you",
                        "message": {"templateKey": "we-miss-you", "channel": "%1$s", "category": "MARKETING"}}
                     ]}""";
            default -> throw new NotFoundException("ready-made scenario", key);
        };
        return JSON.readTree(json.formatted(channel, days));
    }

    static Map<String, String> defaultChannels() {
        return Map.of("reservation-reminder", "SMS", "thank-you-after-visit", "EMAIL", "welcome", "EMAIL",
                "reactivation", "EMAIL", "birthday-greeting", "SMS");
    }
}
