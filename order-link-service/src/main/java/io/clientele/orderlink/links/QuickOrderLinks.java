package io.clientele.orderlink.links;

import io.clientele.orderlink.customers.CustomerDirectory;
import io.clientele.orderlink.customers.CustomerErased;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * O-3: one working link per customer. Staff create it (the token shown once), regenerate it (the old one
 * stops working in the same transaction) or revoke it; it may expire. The page opens a link by the hash of
 * its token: an unknown, revoked or expired token, or one of a blocked or erased customer, opens nothing,
 * and all of them look the same from outside.
 */
@Service
public class QuickOrderLinks {

    private final JdbcTemplate jdbc;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final String publicBaseUrl;

    QuickOrderLinks(JdbcTemplate jdbc, CustomerDirectory customers, Clock clock,
            @Value("${clientele.orderlink.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** A first link, or a new one after the last expired; a working link is only replaced by regenerate. */
    @Transactional
    IssuedLink create(UUID workspaceId, UUID customerId, Instant expiresAt, String actor) {
        checkExpiry(expiresAt);
        requireOrderingCustomer(workspaceId, customerId);
        Optional<LinkView> current = current(workspaceId, customerId);
        if (current.isPresent() && current.get().state().equals("ACTIVE")) {
            throw new ConflictException("link-exists", "The customer has a link",
                    "The customer already has a working link; regenerate it to replace it, or revoke it first");
        }
        revokeCurrent(workspaceId, customerId);
        return issue(workspaceId, customerId, expiresAt, actor);
    }

    /** A new link; the old one, if any, stops working as this commits. */
    @Transactional
    IssuedLink regenerate(UUID workspaceId, UUID customerId, Instant expiresAt, String actor) {
        checkExpiry(expiresAt);
        requireOrderingCustomer(workspaceId, customerId);
        revokeCurrent(workspaceId, customerId);
        return issue(workspaceId, customerId, expiresAt, actor);
    }

    @Transactional
    void revoke(UUID workspaceId, UUID customerId) {
        if (revokeCurrent(workspaceId, customerId) == 0) {
            throw new NotFoundException("quick-order link of customer", customerId.toString());
        }
    }

    Optional<LinkView> current(UUID workspaceId, UUID customerId) {
        Instant now = clock.instant();
        return jdbc.query("""
                SELECT id, created_at, created_by, expires_at, last_opened_at FROM quick_order_link
                 WHERE workspace_id = ? AND customer_id = ? AND revoked_at IS NULL""", (rs, n) -> {
                    Instant expires = rs.getTimestamp("expires_at") == null ? null
                            : rs.getTimestamp("expires_at").toInstant();
                    return new LinkView(rs.getObject("id", UUID.class), customerId,
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), expires,
                            rs.getTimestamp("last_opened_at") == null ? null : rs.getTimestamp("last_opened_at").toInstant(),
                            expires != null && !expires.isAfter(now) ? "EXPIRED" : "ACTIVE");
                }, workspaceId, customerId).stream().findFirst();
    }

    /**
     * The link a token opens, if it works. Every token, well-formed or not, known or not, costs one hash
     * and one indexed lookup of a hash (a malformed one looks up the hash of nothing), and every reason
     * for refusing is evaluated, so how long a refusal takes tells nothing about why.
     */
    public Optional<OpenedLink> open(String token) {
        boolean wellFormed = token != null && token.matches(LinkTokens.PATTERN);
        byte[] hash = LinkTokens.hash(wellFormed ? token : "");
        Instant now = clock.instant();
        Optional<Row> row = jdbc.query("""
                SELECT l.id, l.workspace_id, l.customer_id, l.expires_at, l.revoked_at, c.%s
                  FROM quick_order_link l
                  LEFT JOIN customer c ON c.workspace_id = l.workspace_id AND c.id = l.customer_id
                 WHERE l.token_hash = ?""".formatted(CustomerDirectory.COLUMNS.replace(", ", ", c.")), (rs, n) -> {
                    UUID workspaceId = rs.getObject("workspace_id", UUID.class);
                    UUID customerId = rs.getObject("customer_id", UUID.class);
                    return new Row(rs.getObject("id", UUID.class), workspaceId, customerId,
                            rs.getTimestamp("expires_at"), rs.getTimestamp("revoked_at"),
                            CustomerDirectory.read(rs, workspaceId, customerId));
                }, (Object) hash).stream().findFirst();
        boolean found = row.isPresent();
        Row link = row.orElse(Row.NONE);
        boolean live = link.revokedAt() == null;
        boolean current = link.expiresAt() == null || link.expiresAt().toInstant().isAfter(now);
        boolean allowed = link.customer() != null && link.customer().mayOrder();
        boolean works = wellFormed & found & live & current & allowed;
        if (works) {
            jdbc.update("UPDATE quick_order_link SET last_opened_at = ? WHERE id = ?"
                    + " AND (last_opened_at IS NULL OR last_opened_at < ?)", Timestamp.from(now), link.id(),
                    Timestamp.from(now.minusSeconds(60)));
        }
        return works ? Optional.of(new OpenedLink(link.id(), link.workspaceId(), link.customerId(), link.customer()))
                : Optional.empty();
    }

    private record Row(UUID id, UUID workspaceId, UUID customerId, Timestamp expiresAt, Timestamp revokedAt,
            OrderingCustomer customer) {
        static final Row NONE = new Row(null, null, null, null, new Timestamp(0), null);
    }

    private IssuedLink issue(UUID workspaceId, UUID customerId, Instant expiresAt, String actor) {
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        String token = LinkTokens.next();
        jdbc.update("""
                INSERT INTO quick_order_link (id, workspace_id, customer_id, token_hash, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, workspaceId, customerId, LinkTokens.hash(token), Timestamp.from(now),
                actor, expiresAt == null ? null : Timestamp.from(expiresAt));
        return new IssuedLink(id, customerId, publicBaseUrl + "/q/" + token, token, now, expiresAt);
    }

    private void checkExpiry(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw InvalidInputException.of("expiresAt", "future", "must be in the future");
        }
    }

    private int revokeCurrent(UUID workspaceId, UUID customerId) {
        return jdbc.update("UPDATE quick_order_link SET revoked_at = ? WHERE workspace_id = ? AND customer_id = ?"
                + " AND revoked_at IS NULL", Timestamp.from(clock.instant()), workspaceId, customerId);
    }

    private void requireOrderingCustomer(UUID workspaceId, UUID customerId) {
        OrderingCustomer customer = customers.find(workspaceId, customerId).filter(known -> !known.erased())
                .orElseThrow(() -> new NotFoundException("customer", customerId.toString()));
        if (!customer.mayOrder()) {
            throw new ConflictException("customer-blocked", "The customer is blocked",
                    "A blocked customer cannot order; unblock them in customer-service first");
        }
    }

    /** Erasure: the customer's links go, with when they were opened; a late visit finds no page. */
    @EventListener
    void on(CustomerErased event) {
        jdbc.update("DELETE FROM quick_order_link WHERE workspace_id = ? AND customer_id = ?", event.workspaceId(),
                event.customerId());
    }
}
