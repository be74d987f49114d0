package io.clientele.customer.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The customer aggregate: one record per person or company a workspace serves. It guards its own
 * rules (a name is required, the lifecycle transitions, the REGULAR rule); uniqueness of the e-mail
 * across the workspace is checked by the application service and enforced by the database.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    private UUID id;
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private UUID workspaceId;

    private String firstName;
    private String lastName;
    private String companyName;
    private String email;
    private String phone;
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    @Embedded
    private Address address;
    private String vatId;
    private String preferredLanguage;
    private String preferredCurrency;
    private BigDecimal discountPercent;
    @Enumerated(EnumType.STRING)
    private CustomerType customerType;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private CustomerSource source;
    private boolean synced;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> customFields;

    @Enumerated(EnumType.STRING)
    private LifecycleStatus status;
    @Enumerated(EnumType.STRING)
    private SalesStage stage;
    @Enumerated(EnumType.STRING)
    private Temperature temperature;
    // Kept by communication-service's events (and written by imports in bulk), never by a JPA update:
    // an edit saved through JPA must not put back a state it read before a preferences change.
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private SubscriptionState subscriptionState;
    @Column(updatable = false)
    private boolean muted;

    // Kept by the notes in SQL; likewise never written back by a JPA update.
    @Column(updatable = false)
    private String lastNotePreview;
    @Column(updatable = false)
    private Instant lastNoteAt;

    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Customer() {
        // for JPA
    }

    static Customer register(UUID id, UUID workspaceId, CustomerProfile profile, CustomerSource source,
            boolean synced, boolean marketingConsent, Instant now) {
        return register(id, workspaceId, profile, source, synced, marketingConsent, LifecycleStatus.NEW, now);
    }

    /** A new customer starting in a status of the creator's choosing (an import carries statuses over). */
    static Customer register(UUID id, UUID workspaceId, CustomerProfile profile, CustomerSource source,
            boolean synced, boolean marketingConsent, LifecycleStatus initialStatus, Instant now) {
        Objects.requireNonNull(initialStatus, "initialStatus");
        Customer customer = new Customer();
        customer.id = id;
        customer.workspaceId = workspaceId;
        customer.source = source;
        customer.synced = synced;
        customer.status = initialStatus;
        customer.subscriptionState = marketingConsent ? SubscriptionState.SUBSCRIBED : SubscriptionState.UNSUBSCRIBED;
        customer.createdAt = now;
        customer.apply(profile);
        customer.updatedAt = now;
        return customer;
    }

    /**
     * A customer as stored, read without JPA by the bulk paths (imports). Not managed: the caller writes
     * what it changes itself.
     */
    static Customer restore(UUID id, UUID workspaceId, CustomerProfile profile, CustomerSource source,
            boolean synced, LifecycleStatus status, SubscriptionState subscriptionState, boolean muted,
            String lastNotePreview, Instant lastNoteAt, Instant createdAt, Instant updatedAt, long version) {
        Customer customer = new Customer();
        customer.id = id;
        customer.workspaceId = workspaceId;
        customer.source = source;
        customer.synced = synced;
        customer.status = status;
        customer.subscriptionState = subscriptionState;
        customer.muted = muted;
        customer.lastNotePreview = lastNotePreview;
        customer.lastNoteAt = lastNoteAt;
        customer.createdAt = createdAt;
        customer.apply(profile);
        customer.updatedAt = updatedAt;
        customer.version = version;
        return customer;
    }

    /**
     * Replaces the editable fields.
     *
     * @return the names of the fields whose value changed (empty when nothing changed)
     */
    List<String> revise(CustomerProfile profile, Instant now) {
        CustomerProfile before = profile();
        apply(profile);
        CustomerProfile after = profile();
        List<String> changed = changedFields(before, after);
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    /**
     * Moves the customer to another lifecycle status.
     *
     * @return the transition, or empty when the customer already has that status
     */
    Optional<StatusTransition> changeStatus(LifecycleStatus target, Instant now) {
        Objects.requireNonNull(target, "target");
        if (target == status) {
            return Optional.empty();
        }
        StatusTransition transition = new StatusTransition(status, target);
        status = target;
        updatedAt = now;
        return Optional.of(transition);
    }

    /**
     * C-2: a NEW customer becomes REGULAR when its completed reservations reach the workspace's
     * threshold. Every other status is left alone: PROBLEMATIC and BLOCKED are staff decisions.
     */
    Optional<StatusTransition> recordCompletedReservations(int completed, int threshold, Instant now) {
        if (status == LifecycleStatus.NEW && completed >= threshold) {
            return changeStatus(LifecycleStatus.REGULAR, now);
        }
        return Optional.empty();
    }

    /**
     * Marketing consent stated outside the communication preferences (an import's consent column):
     * the list's subscription column follows at once; communication-service records the consent itself.
     *
     * @return true when the subscription state changed
     */
    boolean recordMarketingConsent(boolean consent, Instant now) {
        SubscriptionState target = consent ? SubscriptionState.SUBSCRIBED : SubscriptionState.UNSUBSCRIBED;
        if (target == subscriptionState) {
            return false;
        }
        subscriptionState = target;
        updatedAt = now;
        return true;
    }

    /** The bulk paths write the row themselves; this is the version they wrote. */
    void advanceVersion() {
        version++;
    }

    /** Known to a partner booking system from now on: reservation-driven scenarios apply. */
    boolean markSynced(Instant now) {
        if (synced) {
            return false;
        }
        synced = true;
        updatedAt = now;
        return true;
    }

    CustomerProfile profile() {
        return new CustomerProfile(firstName, lastName, companyName, email, phone, birthDate, gender,
                address == null ? Address.NONE : address, vatId, preferredLanguage, preferredCurrency,
                discountPercent, customerType, stage, temperature,
                customFields == null ? Map.of() : Map.copyOf(customFields));
    }

    private void apply(CustomerProfile profile) {
        firstName = profile.firstName();
        lastName = profile.lastName();
        companyName = profile.companyName();
        if (firstName == null && lastName == null && companyName == null) {
            throw new IllegalArgumentException("A customer needs a first name, a last name or a company name");
        }
        email = profile.email();
        phone = profile.phone();
        birthDate = profile.birthDate();
        gender = profile.gender();
        address = profile.address() == null || profile.address().isEmpty() ? null : profile.address();
        vatId = profile.vatId();
        preferredLanguage = profile.preferredLanguage();
        preferredCurrency = profile.preferredCurrency();
        discountPercent = profile.discountPercent() == null ? BigDecimal.ZERO.setScale(2) : profile.discountPercent();
        customerType = profile.customerType() == null ? CustomerType.CONTACT : profile.customerType();
        stage = profile.stage() == null ? SalesStage.CURRENT : profile.stage();
        temperature = profile.temperature();
        customFields = new LinkedHashMap<>(profile.customFields() == null ? Map.of() : profile.customFields());
    }

    private static List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "firstName", before.firstName(), after.firstName());
        compare(changed, "lastName", before.lastName(), after.lastName());
        compare(changed, "companyName", before.companyName(), after.companyName());
        compare(changed, "email", before.email(), after.email());
        compare(changed, "phone", before.phone(), after.phone());
        compare(changed, "birthDate", before.birthDate(), after.birthDate());
        compare(changed, "gender", before.gender(), after.gender());
        compare(changed, "address", before.address(), after.address());
        compare(changed, "vatId", before.vatId(), after.vatId());
        compare(changed, "preferredLanguage", before.preferredLanguage(), after.preferredLanguage());
        compare(changed, "preferredCurrency", before.preferredCurrency(), after.preferredCurrency());
        compare(changed, "discountPercent", before.discountPercent() == null ? null
                : before.discountPercent().stripTrailingZeros(), after.discountPercent() == null ? null
                : after.discountPercent().stripTrailingZeros());
        compare(changed, "customerType", before.customerType(), after.customerType());
        compare(changed, "stage", before.stage(), after.stage());
        compare(changed, "temperature", before.temperature(), after.temperature());
        compare(changed, "customFields", before.customFields(), after.customFields());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    CustomerSource source() {
        return source;
    }

    boolean synced() {
        return synced;
    }

    LifecycleStatus status() {
        return status;
    }

    SubscriptionState subscriptionState() {
        return subscriptionState;
    }

    boolean muted() {
        return muted;
    }

    ContactState contactState() {
        return muted ? ContactState.MUTED
                : subscriptionState == SubscriptionState.SUBSCRIBED ? ContactState.SUBSCRIBED : ContactState.UNSUBSCRIBED;
    }

    String lastNotePreview() {
        return lastNotePreview;
    }

    Instant lastNoteAt() {
        return lastNoteAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }

    /** A move from one lifecycle status to another. */
    record StatusTransition(LifecycleStatus from, LifecycleStatus to) {
    }
}
