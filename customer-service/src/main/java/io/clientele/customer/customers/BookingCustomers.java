package io.clientele.customer.customers;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.CustomersRegistered;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.customer.settings.CustomerSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * B-2's side of the customer records, for a batch of reservation events at once and without JPA (a
 * batch of 500 brings dozens of customers): finding customers by e-mail or phone, registering those
 * partner systems bring, marking found ones synced, and the REGULAR rule. A booking never fails on a
 * customer's data: what is invalid (a malformed phone, an e-mail of someone else) is left out, and the
 * reservation is still recorded.
 */
@Component
public class BookingCustomers {

    private final CustomerTable table;
    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingCustomers(CustomerTable table, NamedParameterJdbcTemplate jdbc, CustomerSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.table = table;
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
        return normalisePhone(phone, defaultCountry(workspaceId));
    }

    /** The E.164 form of a booking's phone, read in {@code region} when it has no prefix; null when invalid. */
    public static String normalisePhone(String phone, String region) {
        return PhoneNumbers.toE164(phone, region).orElse(null);
    }

    /** The e-mail of a booking if it is one; null otherwise. */
    public static String normaliseEmail(String email) {
        String clean = FieldRules.clean(email);
        return FieldRules.isEmail(clean) ? clean : null;
    }

    /** The new customers a batch of bookings brings: registered one by one, written together. */
    public final class Registrations {

        private final UUID workspaceId;
        private final Instant now = clock.instant();
        private final List<Customer> customers = new ArrayList<>();
        private final List<CustomerRegistered> registered = new ArrayList<>();
        private final List<CustomerTable.HistoryEntry> history = new ArrayList<>();

        private Registrations(UUID workspaceId) {
            this.workspaceId = workspaceId;
        }

        /**
         * A synced customer (source BOOKING) from what the partner sent. The marketing consent given while
         * booking goes into customer.created.v1, from which communication-service sets the subscription state.
         *
         * @param email an e-mail no customer of the workspace has (the caller matched by it first), or null
         * @param phone E.164 or null
         * @return the new customer's id, usable at once in this batch (written by {@link #write()})
         */
        public UUID add(BookingContact contact, String email, String phone, String actor) {
            String firstName = limit(FieldRules.clean(contact.firstName()), FieldRules.MAX_NAME);
            String lastName = limit(FieldRules.clean(contact.lastName()), FieldRules.MAX_NAME);
            if (firstName == null && lastName == null) {
                // A name is required; the partner did not give one, so the record is named after what it did give.
                lastName = limit(email != null ? email : phone != null ? phone
                        : "Booking customer " + contact.externalId(), FieldRules.MAX_NAME);
            }
            CustomerProfile profile = new CustomerProfile(firstName, lastName, null, email, phone, null, null,
                    Address.NONE, null, languageTag(contact.language()), null, null, null, null, null, Map.of());
            boolean consent = Boolean.TRUE.equals(contact.marketingConsent());
            Customer customer = Customer.register(TimeOrderedIds.next(), workspaceId, profile, CustomerSource.BOOKING, true,
                    consent, now);
            customers.add(customer);
            history.add(new CustomerTable.HistoryEntry(customer, null, customer.status(), actor, now,
                    "created from a booking"));
            registered.add(new CustomerRegistered(workspaceId, CustomerDetails.of(customer), consent, actor));
            return customer.id();
        }

        /** Writes the customers (before anything refers to them) and announces them. */
        public void write() {
            if (customers.isEmpty()) {
                return;
            }
            table.insert(customers);
            table.recordHistory(history);
            events.publishEvent(new CustomersRegistered(workspaceId, List.copyOf(registered)));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Registrations registrations(UUID workspaceId) {
        return new Registrations(workspaceId);
    }

    /** Marks customers found by e-mail or phone as synced: a booking system knows them now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markSynced(UUID workspaceId, Collection<UUID> customerIds, String actor) {
        Instant now = clock.instant();
        List<Customer> changed = table.lockByIds(workspaceId, customerIds).stream()
                .filter(customer -> customer.markSynced(now)).toList();
        changed.forEach(Customer::advanceVersion);
        table.update(changed);
        changed.forEach(customer -> events.publishEvent(new CustomerRevised(workspaceId, CustomerDetails.of(customer),
                List.of("synced"), actor)));
    }

    /**
     * C-2 for a batch of bookings: NEW customers become REGULAR when their completed reservations reach
     * the workspace's threshold (the rule is the aggregate's).
     *
     * @param completed how many reservations each customer has completed now
     * @return the customers that became REGULAR
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> recordCompletedReservations(UUID workspaceId, Map<UUID, Integer> completed) {
        int threshold = settings.of(workspaceId).regularThreshold();
        Instant now = clock.instant();
        List<Customer> promoted = new ArrayList<>();
        List<CustomerTable.HistoryEntry> history = new ArrayList<>();
        for (Customer customer : table.lockByIds(workspaceId, completed.keySet())) {
            int count = completed.get(customer.id());
            customer.recordCompletedReservations(count, threshold, now).ifPresent(transition -> {
                customer.advanceVersion();
                promoted.add(customer);
                history.add(new CustomerTable.HistoryEntry(customer, transition.from(), transition.to(),
                        CustomerService.REGULAR_RULE, now, count + " reservations completed"));
            });
        }
        table.update(promoted);
        table.recordHistory(history);
        history.forEach(entry -> events.publishEvent(new StatusChanged(workspaceId, entry.customer().id(),
                entry.from(), entry.to(), entry.actor(), entry.reason(), now)));
        return promoted.stream().map(Customer::id).toList();
    }

    /** The region phone numbers without a country prefix are read in, for this workspace. */
    public String defaultCountry(UUID workspaceId) {
        return settings.of(workspaceId).defaultCountry();
    }

    private static String languageTag(String tag) {
        return FieldRules.languageTag(FieldRules.clean(tag)).orElse(null);
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
