package io.clientele.communication.templates;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values placeholders can show:
 * <ul>
 *   <li>{@code {{customer.firstName}}}, {@code lastName}, {@code companyName}, {@code name} (first and last, else company);</li>
 *   <li>{@code {{reservation.start}}} (date and time), {@code date}, {@code weekday}, {@code time}, {@code end},
 *       {@code service}, {@code staff}, {@code location}: times in the recipient's zone, written in the message's language;</li>
 *   <li>{@code {{orderLink}}}, {@code {{unsubscribeLink}}}, {@code {{sender.name}}}, {@code {{custom.<name>}}}.</li>
 * </ul>
 * What a request does not provide is absent: a template that shows it fails instead of sending a blank
 * (wrap optional parts in {@code {{#reservation}}...{{/reservation}}}).
 */
public final class TemplateModel {

    private TemplateModel() {
    }

    public record Customer(String firstName, String lastName, String companyName) {
    }

    public record Reservation(Instant startsAt, Instant endsAt, String service, String staff, String location) {
    }

    /**
     * @param unsubscribeLink the recipient's personal link; null only where none can exist (previews of drafts)
     */
    public static Map<String, Object> of(Customer customer, Reservation reservation, String orderLink,
            String unsubscribeLink, Map<String, String> custom, String senderName, ZoneId zone, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("firstName", customer.firstName());
        person.put("lastName", customer.lastName());
        person.put("companyName", customer.companyName());
        String full = ((customer.firstName() == null ? "" : customer.firstName()) + " "
                + (customer.lastName() == null ? "" : customer.lastName())).strip();
        person.put("name", full.isEmpty() ? customer.companyName() : full);
        model.put("customer", person);
        if (reservation != null) {
            model.put("reservation", reservation(reservation, zone, locale));
        }
        if (orderLink != null) {
            model.put("orderLink", orderLink);
        }
        if (unsubscribeLink != null) {
            model.put("unsubscribeLink", unsubscribeLink);
        }
        model.put("custom", custom == null ? Map.of() : Map.copyOf(custom));
        model.put("sender", Map.of("name", senderName == null ? "" : senderName));
        return model;
    }

    /** Sample values for previews and for checking a template when it is saved; any custom.* is accepted. */
    public static Map<String, Object> sample(ZoneId zone, Locale locale, Instant now) {
        Instant start = now.plusSeconds(86_400).atZone(zone).withHour(10).withMinute(0).withSecond(0).withNano(0).toInstant();
        Map<String, Object> model = of(new Customer("Jana", "Nováková", null),
                new Reservation(start, start.plusSeconds(3600), "Haircut", "Eva", "Main Street 1"),
                "https://example.com/q/sample-order-link", "https://example.com/u/sample-unsubscribe-link", null,
                "Your business", zone, locale);
        model.put("custom", new AnyKey());
        return model;
    }

    private static Map<String, Object> reservation(Reservation reservation, ZoneId zone, Locale locale) {
        Map<String, Object> values = new LinkedHashMap<>();
        ZonedDateTime start = reservation.startsAt().atZone(zone);
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(start);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(start);
        values.put("start", date + " " + time);
        values.put("date", date);
        values.put("weekday", DateTimeFormatter.ofPattern("EEEE", locale).format(start));
        values.put("time", time);
        values.put("end", reservation.endsAt() == null ? null
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(reservation.endsAt().atZone(zone)));
        values.put("service", reservation.service());
        values.put("staff", reservation.staff());
        values.put("location", reservation.location());
        return values;
    }

    /** custom.* in samples: every name has a value, shown as [name]. */
    private static final class AnyKey extends AbstractMap<String, Object> {
        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Object get(Object key) {
            return "[" + key + "]";
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
