package io.clientele.customer.customers;

import io.clientele.platform.ids.TimeOrderedIds;
import static io.clientele.customer.customers.CustomerBeforeImport.CONSENT;

import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.CustomersImported;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.platform.jdbc.PostgresCopy;
import io.clientele.platform.problem.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-9's writing side: applies one chunk of import rows to the customer records. Its one job is
 * matching each row to a customer and writing the chunk; undoing an import is {@link ImportUndo}'s.
 * <p>
 * A row is matched to an existing customer by e-mail (case-insensitively), else by phone; a phone
 * match counts only when it does not contradict the row's e-mail (two people sharing a family phone
 * stay two customers). A matched customer takes the row's non-empty cells; an empty cell never erases
 * a value. Unmatched rows become new customers (source IMPORT), which needs a name. Rows of one chunk
 * are applied in file order, so a file naming the same person twice updates the customer its first
 * row created instead of creating a second one.
 * <p>
 * Everything is written with COPY and set-based statements in the caller's transaction, one chunk at
 * a time; what was changed is kept (customer_import_change) for the undo and the timeline.
 */
@Component
public class ImportChunkWriter {

    private static final Logger log = LoggerFactory.getLogger(ImportChunkWriter.class);

    /** What one import row did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** @param reason why the row was refused; null unless REJECTED */
    public record RowResult(long rowNumber, Outcome outcome, UUID customerId, FieldViolation reason) {
    }

    /**
     * @param importName how the timeline names the import (its file name, say)
     * @param dryRun     match and check only: what it would write goes to a scratch table of the caller's
     *                   transaction (which rolls back), never to the customers; no history, undo log or events
     */
    public record Batch(UUID workspaceId, UUID importId, String importName, String actor, boolean dryRun,
            List<ImportedRow> rows) {
    }

    private static final List<String> CHANGE_COLUMNS = List.of("import_id", "customer_id", "workspace_id", "kind",
            "import_name", "actor", "row_number", "changed_fields", "previous", "version_after", "changed_at");

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final CustomerTable table;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportChunkWriter(JdbcTemplate jdbc, PostgresCopy copy, CustomerTable table, JsonMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.table = table;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** What the import did to one customer within the chunk. */
    private static final class Touched {
        final Customer customer;
        final boolean created;
        final long firstRow;
        final CustomerProfile profileBefore;
        final LifecycleStatus statusBefore;
        final SubscriptionState subscriptionBefore;
        final Set<String> changedFields = new LinkedHashSet<>();
        Boolean consentStated;

        Touched(Customer customer, boolean created, long firstRow) {
            this.customer = customer;
            this.created = created;
            this.firstRow = firstRow;
            this.profileBefore = customer.profile();
            this.statusBefore = customer.status();
            this.subscriptionBefore = customer.subscriptionState();
        }

        boolean changed() {
            return created || !changedFields.isEmpty() || statusBefore != customer.status();
        }
    }

    /** The chunk's customers by e-mail and phone: those stored, then those the chunk creates. */
    private static final class Directory {
        final Map<String, Customer> byEmail = new HashMap<>();
        final Map<String, List<Customer>> byPhone = new HashMap<>();

        void add(Customer customer) {
            CustomerProfile profile = customer.profile();
            if (profile.email() != null) {
                byEmail.putIfAbsent(key(profile.email()), customer);
            }
            if (profile.phone() != null) {
                List<Customer> sharing = byPhone.computeIfAbsent(profile.phone(), phone -> new ArrayList<>());
                if (!sharing.contains(customer)) {
                    sharing.add(customer);
                }
            }
        }

        /** After a row changed the customer's phone: the old one no longer finds it. */
        void moved(Customer customer, String oldPhone) {
            if (oldPhone != null && !oldPhone.equals(customer.profile().phone())) {
                List<Customer> sharing = byPhone.get(oldPhone);
                if (sharing != null) {
                    sharing.remove(customer);
                }
            }
            add(customer);
        }

        Customer match(CustomerProfile given) {
            if (given.email() != null) {
                Customer byMail = byEmail.get(key(given.email()));
                if (byMail != null) {
                    return byMail;
                }
            }
            if (given.phone() != null) {
                for (Customer sharing : byPhone.getOrDefault(given.phone(), List.of())) {
                    if (given.email() == null || sharing.profile().email() == null) {
                        return sharing;
                    }
                }
            }
            return null;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<RowResult> apply(Batch batch) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        Directory directory = new Directory();
        if (batch.dryRun()) {
            table.prepareDryRun();
        }
        load(batch.workspaceId(), batch.rows(), batch.dryRun()).forEach(directory::add);
        long loaded = System.nanoTime();
        Map<UUID, Touched> touched = new LinkedHashMap<>();
        List<RowResult> results = new ArrayList<>(batch.rows().size());
        for (ImportedRow row : batch.rows()) {
            results.add(apply(batch.workspaceId(), row, directory, touched, now));
        }
        long matched = System.nanoTime();
        write(batch, touched.values(), now);
        if (log.isDebugEnabled()) {
            log.debug("Import {}: {} rows, load {} ms, match {} ms, write {} ms", batch.importId(), batch.rows().size(),
                    (loaded - started) / 1_000_000, (matched - loaded) / 1_000_000,
                    (System.nanoTime() - matched) / 1_000_000);
        }
        return results;
    }

    private RowResult apply(UUID workspace, ImportedRow row, Directory directory, Map<UUID, Touched> touched,
            Instant now) {
        Customer customer = directory.match(row.given());
        if (customer == null) {
            if (!row.namesSomeone()) {
                return new RowResult(row.rowNumber(), Outcome.REJECTED, null, new FieldViolation("name", "required",
                        "no customer matches this row's e-mail or phone, and a new customer needs a first name,"
                                + " a last name or a company name"));
            }
            boolean consent = Boolean.TRUE.equals(row.marketingConsent());
            Customer created = Customer.register(TimeOrderedIds.next(), workspace, row.given(), CustomerSource.IMPORT, false,
                    consent, row.status() == null ? LifecycleStatus.NEW : row.status(), now);
            Touched entry = new Touched(created, true, row.rowNumber());
            entry.consentStated = row.marketingConsent();
            touched.put(created.id(), entry);
            directory.add(created);
            return new RowResult(row.rowNumber(), Outcome.CREATED, created.id(), null);
        }
        Touched entry = touched.computeIfAbsent(customer.id(), id -> new Touched(customer, false, row.rowNumber()));
        CustomerProfile given = row.given();
        String currentEmail = customer.profile().email();
        String currentPhone = customer.profile().phone();
        if (given.email() != null && currentEmail != null && given.email().equalsIgnoreCase(currentEmail)) {
            // the same address in other letter case is not a change
            given = withEmail(given, currentEmail);
        }
        List<String> changed = new ArrayList<>(customer.revise(customer.profile().overlaidWith(given), now));
        boolean statusChanged = row.status() != null && customer.changeStatus(row.status(), now).isPresent();
        if (row.marketingConsent() != null && customer.recordMarketingConsent(row.marketingConsent(), now)) {
            changed.add(CONSENT);
            entry.consentStated = row.marketingConsent();
        }
        entry.changedFields.addAll(changed);
        directory.moved(customer, currentPhone);
        boolean unchanged = changed.isEmpty() && !statusChanged;
        return new RowResult(row.rowNumber(), unchanged ? Outcome.UNCHANGED : Outcome.UPDATED, customer.id(), null);
    }

    private List<Customer> load(UUID workspace, List<ImportedRow> batch, boolean dryRun) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (ImportedRow row : batch) {
            if (row.given().email() != null) {
                emails.add(key(row.given().email()));
            }
            if (row.given().phone() != null) {
                phones.add(row.given().phone());
            }
        }
        // Locked until the chunk commits: nobody changes a matched customer between reading and writing it.
        // A dry run writes nothing real, so it locks nothing either.
        return dryRun ? table.dryRunByEmailsOrPhones(workspace, emails, phones)
                : table.lockByEmailsOrPhones(workspace, emails, phones);
    }

    private void write(Batch batch, Collection<Touched> all, Instant now) {
        List<Customer> created = new ArrayList<>();
        List<Touched> revised = new ArrayList<>();
        for (Touched entry : all) {
            if (entry.created) {
                created.add(entry.customer);
            } else if (entry.changed()) {
                entry.customer.advanceVersion();
                revised.add(entry);
            }
        }
        if (batch.dryRun()) {
            // what later chunks of the run must see, as if it had been written
            List<Customer> written = new ArrayList<>(created);
            revised.forEach(entry -> written.add(entry.customer));
            table.writeDryRun(written);
            return;
        }
        table.insert(created);
        table.update(revised.stream().map(entry -> entry.customer).toList());
        String actor = batch.actor();
        List<CustomerTable.HistoryEntry> history = new ArrayList<>();
        List<StatusChanged> statusChanges = new ArrayList<>();
        for (Customer customer : created) {
            history.add(new CustomerTable.HistoryEntry(customer, null, customer.status(), actor, now,
                    "imported from " + batch.importName()));
        }
        for (Touched entry : revised) {
            if (entry.statusBefore != entry.customer.status()) {
                history.add(new CustomerTable.HistoryEntry(entry.customer, entry.statusBefore,
                        entry.customer.status(), actor, now, "import " + batch.importName()));
                statusChanges.add(new StatusChanged(batch.workspaceId(), entry.customer.id(), entry.statusBefore,
                        entry.customer.status(), actor, "import " + batch.importName(), now));
            }
        }
        table.recordHistory(history);
        recordChanges(batch, all.stream().filter(Touched::changed).toList(), now);
        events.publishEvent(new CustomersImported(batch.workspaceId(), batch.importId(), batch.importName(), actor,
                now, all.stream().filter(entry -> entry.created).map(entry -> new CustomerRegistered(
                        batch.workspaceId(), CustomerDetails.of(entry.customer),
                        Boolean.TRUE.equals(entry.consentStated), actor)).toList(),
                revised.stream().filter(entry -> !entry.changedFields.isEmpty()).map(entry -> new CustomerRevised(
                        batch.workspaceId(), CustomerDetails.of(entry.customer), List.copyOf(entry.changedFields), actor,
                        entry.changedFields.contains(CONSENT) ? entry.consentStated : null)).toList(),
                statusChanges));
    }

    /**
     * The undo log. Customers the chunk created are new to it: copied straight in. A customer the
     * import changes again in a later chunk keeps its first "before" (what the undo restores).
     */
    private void recordChanges(Batch batch, List<Touched> changed, Instant now) {
        List<Touched> created = changed.stream().filter(entry -> entry.created).toList();
        List<Touched> updated = changed.stream().filter(entry -> !entry.created).toList();
        copy.copy("customer_import_change", CHANGE_COLUMNS, created, (entry, line) -> change(batch, entry, now, line));
        if (updated.isEmpty()) {
            return;
        }
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS customer_import_change_stage"
                + " (LIKE customer_import_change) ON COMMIT DELETE ROWS");
        copy.copy("customer_import_change_stage", CHANGE_COLUMNS, updated, (entry, line) -> change(batch, entry, now, line));
        jdbc.update("""
                INSERT INTO customer_import_change (import_id, customer_id, workspace_id, kind, import_name, actor,
                                                    row_number, changed_fields, previous, version_after, changed_at)
                SELECT import_id, customer_id, workspace_id, kind, import_name, actor, row_number, changed_fields,
                       previous, version_after, changed_at
                FROM customer_import_change_stage
                ON CONFLICT (import_id, customer_id) DO UPDATE SET
                    changed_fields = ARRAY(SELECT DISTINCT f FROM unnest(customer_import_change.changed_fields
                                                                         || excluded.changed_fields) AS f),
                    version_after = excluded.version_after""");
        jdbc.execute("TRUNCATE customer_import_change_stage");
    }

    private void change(Batch batch, Touched entry, Instant now, PostgresCopy.Line line) {
        line.value(batch.importId()).value(entry.customer.id()).value(batch.workspaceId())
                .text(entry.created ? "CREATED" : "UPDATED").text(batch.importName()).text(batch.actor())
                .value(entry.firstRow)
                .array(entry.created ? List.of() : changedColumns(entry))
                .text(entry.created ? "{}" : json.writeValueAsString(new CustomerBeforeImport(entry.profileBefore,
                        entry.statusBefore, entry.subscriptionBefore, entry.customer.subscriptionState())))
                .value(entry.customer.version()).value(now);
    }

    private static List<String> changedColumns(Touched entry) {
        List<String> fields = new ArrayList<>(entry.changedFields);
        if (entry.statusBefore != entry.customer.status()) {
            fields.add("status");
        }
        return fields;
    }

    private static CustomerProfile withEmail(CustomerProfile given, String email) {
        return new CustomerProfile(given.firstName(), given.lastName(), given.companyName(), email, given.phone(),
                given.birthDate(), given.gender(), given.address(), given.vatId(), given.preferredLanguage(),
                given.preferredCurrency(), given.discountPercent(), given.customerType(), given.stage(),
                given.temperature(), given.customFields());
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}