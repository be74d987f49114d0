package io.clientele.customer.customers;

import io.clientele.customer.Ids;
import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.settings.CustomerSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * B-2's side of the customer records: finding customers by e-mail or phone for many reservation
 * events at once, and registering the customers partner systems bring. A booking never fails on a
 * customer's data: what is invalid (a malformed phone, an e-mail of someone else) is left out, and the
 * reservation is still recorded.
 */
@Component
public class BookingCustomers {

    private final CustomerRepository customers;
    private final StatusChangeRepository statusChanges;
    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingCustomers(CustomerRepository customers, StatusChangeRepository statusChanges,
            NamedParameterJdbcTemplate jdbc, CustomerSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.statusChanges = statusChanges;
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Customers of the workspace by e-mail (as given, matched case-insensitively). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, UUID> byEmail(UUID workspaceId, Collection<String> emails) {
        Map<String, UUID> found = new HashMap<>();
        if (!emails.isEmpty()) {
            jdbc.query("SELECT id, email_key FROM customer WHERE workspace_id = :workspaceId AND email_key IN (:emails)",
                    Map.of("workspaceId", workspaceId, "emails", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList()),
                    rs -> {
                        found.put(rs.getString("email_key"), rs.getObject("id", UUID.class));
                    });
        }
        return found;
    }

    /** Customers of the workspace by phone (E.164); the oldest when several share one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, UUID> byPhone(UUID workspaceId, Collection<String> phones) {
        Map<String, UUID> found = new HashMap<>();
        if (!phones.isEmpty()) {
            jdbc.query("SELECT DISTINCT ON (phone) id, phone FROM customer WHERE workspace_id = :workspaceId"
                    + " AND phone IN (:phones) ORDER BY phone, created_at", Map.of("workspaceId", workspaceId,
                    "phones", phones), rs -> {
                        found.put(rs.getString("phone"), rs.getObject("id", UUID.class));
                    });
        }
        return found;
    }

    /** The E.164 form of a booking's phone, read in the workspace's default country; null when invalid. */
    public String normalisePhone(UUID workspaceId, String phone) {
        return PhoneNumbers.toE164(phone, settings.of(workspaceId).defaultCountry()).orElse(null);
    }

    /** The e-mail of a booking if it is one; null otherwise. */
    public static String normaliseEmail(String email) {
        String clean = FieldRules.clean(email);
        return FieldRules.isEmail(clean) ? clean : null;
    }

    /**
     * Registers a synced customer (source BOOKING) from what the partner sent. The marketing consent
     * given while booking goes into customer.created.v1, from which communication-service sets the
     * subscription state.
     *
     * @param email an e-mail no customer of the workspace has (the caller matched by it first), or null
     * @param phone E.164 or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID register(UUID workspaceId, BookingContact contact, String email, String phone, String actor) {
        String firstName = limit(ProfileValidation.clean(contact.firstName()), 100);
        String lastName = limit(ProfileValidation.clean(contact.lastName()), 100);
        if (firstName == null && lastName == null) {
            // A name is required; the partner did not give one, so the record is named after what it did give.
            lastName = limit(email != null ? email : phone != null ? phone : "Booking customer " + contact.externalId(), 100);
        }
        CustomerProfile profile = new CustomerProfile(firstName, lastName, null, email, phone, null, null, Address.NONE,
                null, languageTag(contact.language()), null, null, null, null, null, Map.of());
        Instant now = clock.instant();
        boolean consent = Boolean.TRUE.equals(contact.marketingConsent());
        Customer customer = Customer.register(Ids.newId(), workspaceId, profile, CustomerSource.BOOKING, true, consent, now);
        // Flushed at once: the reservation written next through JDBC refers to it.
        customers.saveAndFlush(customer);
        statusChanges.save(new StatusChange(Ids.newId(), workspaceId, customer.id(), null, customer.status(), actor, now,
                "created from a booking"));
        events.publishEvent(new CustomerRegistered(workspaceId, CustomerDetails.of(customer), consent, actor));
        return customer.id();
    }

    /** Marks customers found by e-mail or phone as synced: a booking system knows them now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSynced(UUID workspaceId, Collection<UUID> customerIds, String actor) {
        if (customerIds.isEmpty()) {
            return;
        }
        List<UUID> unsynced = jdbc.queryForList("SELECT id FROM customer WHERE workspace_id = :workspaceId"
                + " AND id IN (:ids) AND NOT synced", Map.of("workspaceId", workspaceId, "ids", customerIds), UUID.class);
        Instant now = clock.instant();
        for (UUID id : unsynced) {
            customers.findByWorkspaceIdAndId(workspaceId, id).filter(customer -> customer.markSynced(now)).ifPresent(
                    customer -> events.publishEvent(new CustomerRevised(workspaceId, CustomerDetails.of(customer),
                            List.of("synced"), actor)));
        }
    }

    private static String languageTag(String tag) {
        return FieldRules.languageTag(FieldRules.clean(tag)).orElse(null);
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
