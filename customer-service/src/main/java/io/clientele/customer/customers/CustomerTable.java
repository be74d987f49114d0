package io.clientele.customer.customers;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.jdbc.PostgresCopy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer table for the paths that write customers by the hundred or thousand (imports, a batch
 * of partner bookings) without JPA: reading and locking customers as aggregates, inserting them with
 * COPY, writing changed ones back in one statement, and their status history.
 */
@Component
class CustomerTable {

    private static final List<String> HISTORY_COLUMNS = List.of("id", "workspace_id", "customer_id", "from_status",
            "to_status", "changed_by", "changed_at", "reason");

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final CustomerRows rows;

    CustomerTable(JdbcTemplate jdbc, PostgresCopy copy, JsonMapper json) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.rows = new CustomerRows(json);
    }

    /** One entry of the status history, for {@link #recordHistory}. */
    record HistoryEntry(Customer customer, LifecycleStatus from, LifecycleStatus to, String actor, Instant at,
            String reason) {

        void write(PostgresCopy.Line line) {
            line.value(TimeOrderedIds.next()).value(customer.workspaceId()).value(customer.id()).value(from).value(to)
                    .text(actor).value(at).text(reason);
        }
    }

    /** A stored row as an aggregate (for queries of the bulk paths that select {@link CustomerRows#SELECT_LIST}). */
    Customer read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rows.read(rs);
    }

    /**
     * The workspace's customers with these ids, locked until the transaction ends. NO KEY UPDATE: the
     * bulk writes never change a customer's id, and such a lock leaves foreign-key checks of other
     * transactions (a reservation referring to the customer) free to go on.
     */
    List<Customer> lockByIds(UUID workspace, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + CustomerRows.SELECT_LIST + " FROM customer c"
                    + " WHERE c.workspace_id = ? AND c.id = ANY (?) ORDER BY c.created_at, c.id FOR NO KEY UPDATE");
            statement.setObject(1, workspace);
            statement.setArray(2, con.createArrayOf("uuid", ids.toArray()));
            return statement;
        }, (rs, i) -> rows.read(rs));
    }

    /** The workspace's customers with one of these e-mails (lower-cased) or phones, oldest first, locked. */
    List<Customer> lockByEmailsOrPhones(UUID workspace, Collection<String> emails, Collection<String> phones) {
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + CustomerRows.SELECT_LIST + " FROM customer c"
                    + " WHERE c.workspace_id = ? AND (c.email_key = ANY (?) OR c.phone = ANY (?))"
                    + " ORDER BY c.created_at, c.id FOR NO KEY UPDATE");
            statement.setObject(1, workspace);
            statement.setArray(2, con.createArrayOf("text", emails.toArray()));
            statement.setArray(3, con.createArrayOf("text", phones.toArray()));
            return statement;
        }, (rs, i) -> rows.read(rs));
    }

    void insert(Collection<Customer> customers) {
        copy.copy("customer", CustomerRows.COLUMNS, customers, rows::write);
    }

    /**
     * A dry run's stand-in for the customer table: what the run would have written, in a temporary
     * table of the transaction (dropped with it), so a dry run neither locks nor bloats the real table.
     * Readers see the real customers overlaid with these.
     */
    void prepareDryRun() {
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS customer_dry_run (LIKE customer INCLUDING DEFAULTS"
                + " INCLUDING GENERATED, PRIMARY KEY (id)) ON COMMIT DROP");
        jdbc.execute("CREATE INDEX IF NOT EXISTS customer_dry_run_email ON customer_dry_run (workspace_id, email_key)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS customer_dry_run_phone ON customer_dry_run (workspace_id, phone)");
    }

    /** {@link #lockByEmailsOrPhones} for a dry run: the real customers (unlocked) overlaid with the run's. */
    List<Customer> dryRunByEmailsOrPhones(UUID workspace, Collection<String> emails, Collection<String> phones) {
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT * FROM (SELECT " + CustomerRows.SELECT_LIST
                    + " FROM customer_dry_run c WHERE c.workspace_id = ? AND (c.email_key = ANY (?) OR c.phone = ANY (?))"
                    + " UNION ALL SELECT " + CustomerRows.SELECT_LIST + " FROM customer c WHERE c.workspace_id = ?"
                    + " AND (c.email_key = ANY (?) OR c.phone = ANY (?))"
                    + " AND NOT EXISTS (SELECT 1 FROM customer_dry_run d WHERE d.id = c.id)) c"
                    + " ORDER BY c.created_at, c.id");
            for (int offset : new int[] {0, 3}) {
                statement.setObject(offset + 1, workspace);
                statement.setArray(offset + 2, con.createArrayOf("text", emails.toArray()));
                statement.setArray(offset + 3, con.createArrayOf("text", phones.toArray()));
            }
            return statement;
        }, (rs, i) -> rows.read(rs));
    }

    /** What a dry run would have written: new customers and the new state of changed ones. */
    void writeDryRun(Collection<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement("DELETE FROM customer_dry_run WHERE id = ANY (?)");
            statement.setArray(1, con.createArrayOf("uuid", customers.stream().map(Customer::id).toArray()));
            return statement;
        });
        copy.copy("customer_dry_run", CustomerRows.COLUMNS, customers, rows::write);
    }

    /**
     * Writes changed customers back: COPY into a scratch table, then one UPDATE joining it. Each
     * customer's version must have been advanced by one ({@link Customer#advanceVersion()}).
     */
    void update(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS customer_bulk_update (LIKE customer) ON COMMIT DELETE ROWS");
        copy.copy("customer_bulk_update", CustomerRows.COLUMNS, customers, rows::write);
        int updated = jdbc.update("""
                UPDATE customer c SET first_name = u.first_name, last_name = u.last_name, company_name = u.company_name,
                    email = u.email, phone = u.phone, birth_date = u.birth_date, gender = u.gender, street = u.street,
                    city = u.city, postal_code = u.postal_code, country = u.country, vat_id = u.vat_id,
                    preferred_language = u.preferred_language, preferred_currency = u.preferred_currency,
                    discount_percent = u.discount_percent, customer_type = u.customer_type, synced = u.synced,
                    custom_fields = u.custom_fields, status = u.status, stage = u.stage, temperature = u.temperature,
                    subscription_state = u.subscription_state, updated_at = u.updated_at, version = u.version
                FROM customer_bulk_update u
                WHERE c.id = u.id AND c.workspace_id = u.workspace_id AND c.version = u.version - 1""");
        jdbc.execute("TRUNCATE customer_bulk_update");
        if (updated != customers.size()) {
            // Cannot happen while the rows are locked; if it does, nothing of the transaction may stay.
            throw new IllegalStateException("expected to update " + customers.size() + " customers, updated " + updated);
        }
    }

    void recordHistory(List<HistoryEntry> entries) {
        copy.copy("customer_status_change", HISTORY_COLUMNS, entries, HistoryEntry::write);
    }
}
