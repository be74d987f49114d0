package io.clientele.customer.customers;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.customer.customfields.CustomFieldRemoved;
import io.clientele.customer.settings.CustomerSettings;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.GoneException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.PreconditionFailedException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer record's use cases: each one transaction, each raising what it changed. */
@Service
class CustomerService {

    /** Who changed a status when the REGULAR rule did it. */
    static final String REGULAR_RULE = "system:regular-rule";

    private final CustomerRepository customers;
    private final StatusChangeRepository statusChanges;
    private final CustomerErasureRepository erasures;
    private final ProfileValidation validation;
    private final CustomerSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, StatusChangeRepository statusChanges,
            CustomerErasureRepository erasures, ProfileValidation validation, CustomerSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.statusChanges = statusChanges;
        this.erasures = erasures;
        this.validation = validation;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    CustomerDetails create(Actor actor, CustomerRequest request) {
        CustomerSource source = request.source() == null ? CustomerSource.MANUAL : request.source();
        if (source != CustomerSource.MANUAL && source != CustomerSource.API) {
            throw InvalidInputException.of("source", "source",
                    "only MANUAL or API; IMPORT and BOOKING customers come from their own flows");
        }
        UUID workspace = actor.workspaceId();
        CustomerProfile profile = validation.profileOf(workspace, request,
                settings.of(workspace).defaultCountry(), Map.of());
        requireUniqueEmail(workspace, profile.email(), null);
        Instant now = clock.instant();
        boolean consent = Boolean.TRUE.equals(request.marketingConsent());
        Customer customer = Customer.register(TimeOrderedIds.next(), workspace, profile, source, false, consent, now);
        saveChecked(customer);
        statusChanges.save(new StatusChange(TimeOrderedIds.next(), workspace, customer.id(), null, customer.status(),
                actor.subject(), now, "created"));
        CustomerDetails details = CustomerDetails.of(customer);
        events.publishEvent(new CustomerRegistered(workspace, details, consent, actor.subject()));
        return details;
    }

    @Transactional(readOnly = true)
    CustomerDetails get(Actor actor, UUID id) {
        return CustomerDetails.of(load(actor.workspaceId(), id));
    }

    @Transactional
    CustomerDetails update(Actor actor, UUID id, CustomerRequest request, Long expectedVersion) {
        if (request.marketingConsent() != null || request.source() != null) {
            List<FieldViolation> violations = new ArrayList<>();
            if (request.marketingConsent() != null) {
                violations.add(new FieldViolation("marketingConsent", "createOnly",
                        "consent changes go through the customer's communication preferences"));
            }
            if (request.source() != null) {
                violations.add(new FieldViolation("source", "createOnly", "where a customer came from cannot change"));
            }
            throw new InvalidInputException(violations);
        }
        UUID workspace = actor.workspaceId();
        Customer customer = load(workspace, id);
        if (expectedVersion != null && expectedVersion != customer.version()) {
            throw new PreconditionFailedException("The customer was changed since version " + expectedVersion
                    + " (now " + customer.version() + "); reload it and apply your change again");
        }
        CustomerProfile profile = validation.profileOf(workspace, request, settings.of(workspace).defaultCountry(),
                customer.profile().customFields());
        requireUniqueEmail(workspace, profile.email(), id);
        List<String> changed = customer.revise(profile, clock.instant());
        if (changed.isEmpty()) {
            return CustomerDetails.of(customer);
        }
        saveChecked(customer);
        CustomerDetails details = CustomerDetails.of(customer);
        events.publishEvent(new CustomerRevised(workspace, details, changed, actor.subject()));
        return details;
    }

    @Transactional
    CustomerDetails changeStatus(Actor actor, UUID id, LifecycleStatus target, String reason) {
        Customer customer = load(actor.workspaceId(), id);
        Instant now = clock.instant();
        customer.changeStatus(target, now).ifPresent(transition -> {
            customers.save(customer);
            recordStatusChange(customer, transition, actor.subject(), reason, now);
        });
        return CustomerDetails.of(customer);
    }

    @Transactional(readOnly = true)
    List<StatusChange.StatusHistoryEntry> statusHistory(Actor actor, UUID id) {
        load(actor.workspaceId(), id);
        return statusChanges.findByWorkspaceIdAndCustomerIdOrderByChangedAtDesc(actor.workspaceId(), id).stream()
                .map(StatusChange::view).toList();
    }

    /**
     * C-5: permanent erasure. The record and everything attached to it (notes, memberships, status
     * history, what imports did to it, its timeline, its events still waiting in the outbox) is deleted,
     * its reservations are kept without it and without their free text, import rows refused with its
     * e-mail or phone lose their cells; a tombstone without personal data stays as proof; other services
     * learn by {@code customer.erased.v1} and erase their copies.
     * <p>
     * The event is raised before the record is deleted: listeners find what they hold by the customer's id
     * (a reservation's link is still set) or contact, whatever order the deletes reach the database in.
     */
    @Transactional
    void erase(Actor actor, UUID id) {
        Customer customer = load(actor.workspaceId(), id);
        Instant now = clock.instant();
        forgetHistoryOf(customer.workspaceId(), List.of(customer.id()));
        events.publishEvent(new CustomerErased(customer.workspaceId(), customer.id(), now, actor.subject(),
                customer.profile().email(), customer.profile().phone()));
        customers.delete(customer);
        erasures.save(new CustomerErasure(customer.id(), customer.workspaceId(), now, actor.subject()));
    }

    /** C-11: customers matching an e-mail or a phone, plus what a new one would be pre-filled with. */
    @Transactional(readOnly = true)
    Lookup lookup(Actor actor, String email, String phone) {
        String cleanEmail = ProfileValidation.clean(email);
        String cleanPhone = ProfileValidation.clean(phone);
        if (cleanEmail == null && cleanPhone == null) {
            throw new InvalidInputException(List.of(
                    new FieldViolation("email", "required", "give an e-mail or a phone to look up"),
                    new FieldViolation("phone", "required", "give an e-mail or a phone to look up")));
        }
        UUID workspace = actor.workspaceId();
        String e164 = null;
        if (cleanPhone != null) {
            e164 = PhoneNumbers.toE164(cleanPhone, settings.of(workspace).defaultCountry()).orElseThrow(() ->
                    InvalidInputException.of("phone", "phone", "'" + cleanPhone + "' is not a valid phone number"));
        }
        Map<UUID, CustomerDetails> matches = new LinkedHashMap<>();
        if (cleanEmail != null) {
            customers.findByEmail(workspace, cleanEmail).ifPresent(c -> matches.put(c.id(), CustomerDetails.of(c)));
        }
        if (e164 != null) {
            customers.findByPhone(workspace, e164).forEach(c -> matches.putIfAbsent(c.id(), CustomerDetails.of(c)));
        }
        return new Lookup(List.copyOf(matches.values()), new Lookup.Prefill(cleanEmail, e164));
    }

    /** C-11's answer: the matches, and the pre-filled form to offer when there are none. */
    record Lookup(List<CustomerDetails> matches, Prefill prefill) {
        record Prefill(String email, String phone) {
        }
    }

    @EventListener
    void on(CustomFieldRemoved removed) {
        customers.removeCustomField(removed.workspaceId(), removed.key());
    }

    Customer load(UUID workspace, UUID id) {
        return customers.findByWorkspaceIdAndId(workspace, id).orElseThrow(() -> erasures
                .findByWorkspaceIdAndCustomerId(workspace, id)
                .<RuntimeException>map(erasure -> new GoneException("customer-erased", "Customer erased",
                        "This customer was erased on " + erasure.erasedAt() + "; nothing about them is kept"))
                .orElseGet(() -> new NotFoundException("customer", id)));
    }

    /**
     * The customer's own history tables, written in bulk without foreign keys: deleted with the customer
     * (the timeline deletes its entries on {@link CustomerErased}).
     */
    void forgetHistoryOf(UUID workspaceId, List<UUID> customerIds) {
        statusChanges.forget(workspaceId, customerIds);
        statusChanges.forgetImportChanges(workspaceId, customerIds);
    }

    void recordStatusChange(Customer customer, Customer.StatusTransition transition, String actor, String reason,
            Instant now) {
        statusChanges.save(new StatusChange(TimeOrderedIds.next(), customer.workspaceId(), customer.id(), transition.from(),
                transition.to(), actor, now, reason));
        events.publishEvent(new StatusChanged(customer.workspaceId(), customer.id(), transition.from(),
                transition.to(), actor, reason, now));
    }

    private void requireUniqueEmail(UUID workspace, String email, UUID self) {
        if (email == null) {
            return;
        }
        customers.findByEmail(workspace, email).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw duplicateEmail(email);
        });
    }

    private void saveChecked(Customer customer) {
        try {
            customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException race) {
            // Two requests with the same e-mail at the same moment: the unique index decided.
            if (String.valueOf(race.getMostSpecificCause().getMessage()).contains("customer_email_unique")) {
                throw duplicateEmail(customer.profile().email());
            }
            throw race;
        }
    }

    private static ConflictException duplicateEmail(String email) {
        return ConflictException.onField("duplicate-email", "E-mail already used", "email",
                "Another customer of this workspace already has the e-mail " + email);
    }
}
