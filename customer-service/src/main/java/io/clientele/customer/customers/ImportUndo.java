package io.clientele.customer.customers;

import static io.clientele.customer.customers.CustomerBeforeImport.CONSENT;

import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.ImportUndone;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.platform.jdbc.PostgresCopy;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-9's undo: takes an import back, a limited number of its changes per call, from the log
 * (customer_import_change) that {@link ImportChunkWriter} kept while writing. Apart from the writing
 * because it is a job of its own: it runs on its own request, long after the import, and decides per
 * customer whether something newer has touched it since.
 */
@Component
public class ImportUndo {

    /** @param more whether changes of the import are left to undo */
    public record UndoResult(int removed, int restored, int kept, boolean more) {
    }

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final CustomerTable table;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportUndo(JdbcTemplate jdbc, PostgresCopy copy, CustomerTable table, JsonMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.table = table;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Undoes up to {@code limit} of the import's changes: customers it created are removed (with an
     * erasure record and {@code customer.erased.v1}, so other services forget them too), the fields it
     * changed are restored; a customer someone or something touched since is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UndoResult undo(UUID workspace, UUID importId, String importName, String actor, int limit) {
        record Pending(Customer customer, String kind, List<String> fields, String previous, long versionAfter,
                boolean inUse) {
        }
        List<Pending> pending = jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + CustomerRows.SELECT_LIST + """
                    , ch.kind, ch.changed_fields, ch.previous::text AS previous_json, ch.version_after,
                      (ch.kind = 'CREATED' AND (EXISTS (SELECT 1 FROM customer_note n WHERE n.customer_id = c.id)
                          OR EXISTS (SELECT 1 FROM reservation r WHERE r.customer_id = c.id)
                          OR EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = c.id)
                          OR EXISTS (SELECT 1 FROM customer_group_member g WHERE g.customer_id = c.id))) AS in_use
                    FROM customer_import_change ch JOIN customer c ON c.id = ch.customer_id
                    WHERE ch.import_id = ? AND ch.workspace_id = ? AND ch.undone_at IS NULL
                    ORDER BY ch.customer_id LIMIT ? FOR UPDATE OF c, ch""");
            statement.setObject(1, importId);
            statement.setObject(2, workspace);
            statement.setInt(3, limit + 1);
            return statement;
        }, (rs, i) -> new Pending(table.read(rs), rs.getString("kind"), textArray(rs.getArray("changed_fields")),
                rs.getString("previous_json"), rs.getLong("version_after"), rs.getBoolean("in_use")));
        boolean more = pending.size() > limit;
        if (more) {
            pending = pending.subList(0, limit);
        }
        Instant now = clock.instant();
        List<UUID> removed = new ArrayList<>();
        List<Customer> restored = new ArrayList<>();
        List<CustomerRevised> revisions = new ArrayList<>();
        List<CustomerTable.HistoryEntry> history = new ArrayList<>();
        List<StatusChanged> statusChanges = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        for (Pending change : pending) {
            Customer customer = change.customer();
            boolean touchedSince = customer.version() != change.versionAfter() || change.inUse();
            if ("CREATED".equals(change.kind())) {
                if (touchedSince) {
                    kept.add(customer.id());
                } else {
                    removed.add(customer.id());
                }
                continue;
            }
            CustomerBeforeImport previous = json.readValue(change.previous(), CustomerBeforeImport.class);
            boolean consentChanged = change.fields().contains(CONSENT);
            if (touchedSince || consentChanged && customer.subscriptionState() != previous.subscriptionStateSet()) {
                kept.add(customer.id());
                continue;
            }
            List<String> fields = new ArrayList<>(customer.revise(
                    customer.profile().withFieldsOf(previous.profile(), change.fields()), now));
            LifecycleStatus statusBefore = customer.status();
            if (change.fields().contains("status") && customer.changeStatus(previous.status(), now).isPresent()) {
                history.add(new CustomerTable.HistoryEntry(customer, statusBefore, customer.status(), actor, now,
                        "undo of import " + importName));
                statusChanges.add(new StatusChanged(workspace, customer.id(), statusBefore, customer.status(), actor,
                        "undo of import " + importName, now));
            }
            Boolean consent = null;
            if (consentChanged && customer.recordMarketingConsent(
                    previous.subscriptionState() == SubscriptionState.SUBSCRIBED, now)) {
                fields.add(CONSENT);
                consent = previous.subscriptionState() == SubscriptionState.SUBSCRIBED;
            }
            customer.advanceVersion();
            restored.add(customer);
            if (!fields.isEmpty()) {
                revisions.add(new CustomerRevised(workspace, CustomerDetails.of(customer), fields, actor, consent));
            }
        }
        table.update(restored);
        table.recordHistory(history);
        markUndone(importId, restored.stream().map(Customer::id).toList(), "RESTORED", now);
        markUndone(importId, kept, "KEPT", now);
        if (!removed.isEmpty()) {
            for (String table : List.of("customer_status_change", "customer_import_change", "customer")) {
                String id = table.equals("customer") ? "id" : "customer_id";
                jdbc.update(con -> {
                    var statement = con.prepareStatement("DELETE FROM " + table + " WHERE workspace_id = ? AND " + id
                            + " = ANY (?)");
                    statement.setObject(1, workspace);
                    statement.setArray(2, con.createArrayOf("uuid", removed.toArray()));
                    return statement;
                });
            }
            copy.copy("customer_erasure", List.of("customer_id", "workspace_id", "erased_at", "erased_by"), removed,
                    (id, line) -> line.value(id).value(workspace).value(now).text(actor + " (undo of import "
                            + importName + ")"));
        }
        events.publishEvent(new ImportUndone(workspace, importId, importName, actor, now, removed, revisions,
                statusChanges, kept));
        return new UndoResult(removed.size(), restored.size(), kept.size(), more);
    }

    private void markUndone(UUID importId, List<UUID> customers, String outcome, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.update(con -> {
            var statement = con.prepareStatement("UPDATE customer_import_change SET undone_at = ?, undo_outcome = ?"
                    + " WHERE import_id = ? AND customer_id = ANY (?)");
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, outcome);
            statement.setObject(3, importId);
            statement.setArray(4, con.createArrayOf("uuid", customers.toArray()));
            return statement;
        });
    }

    private static List<String> textArray(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
