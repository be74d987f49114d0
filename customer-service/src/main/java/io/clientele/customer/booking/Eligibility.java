package io.clientele.customer.booking;

import io.clientele.customer.customers.BookingCustomers;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B-3: may this person book? A partner asks by its own customer id, e-mail or phone; the answer says
 * only yes or no (and why not), never who the customer is.
 */
@Service
class Eligibility {

    private final NamedParameterJdbcTemplate jdbc;
    private final BookingCustomers customers;

    Eligibility(NamedParameterJdbcTemplate jdbc, BookingCustomers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** @param reason BLOCKED when refused, null when eligible */
    record Answer(boolean eligible, String reason) {
    }

    @Transactional(readOnly = true)
    Answer check(Actor partner, String customerExternalId, String email, String phone) {
        String cleanEmail = email == null || email.isBlank() ? null : BookingCustomers.normaliseEmail(email);
        String e164 = phone == null || phone.isBlank() ? null : customers.normalisePhone(partner.workspaceId(), phone);
        List<FieldViolation> violations = new ArrayList<>();
        if (email != null && !email.isBlank() && cleanEmail == null) {
            violations.add(new FieldViolation("email", "Email", "is not an e-mail address"));
        }
        if (phone != null && !phone.isBlank() && e164 == null) {
            violations.add(new FieldViolation("phone", "phone", "is not a phone number; include the country prefix"));
        }
        boolean external = customerExternalId != null && !customerExternalId.isBlank();
        if (violations.isEmpty() && !external && cleanEmail == null && e164 == null) {
            violations.add(new FieldViolation("customerId", "required", "give your customer id, an e-mail or a phone"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("workspaceId", partner.workspaceId())
                .addValue("partner", BookingIntake.partnerOf(partner))
                .addValue("externalId", external ? customerExternalId.strip() : null)
                .addValue("email", cleanEmail == null ? null : cleanEmail.toLowerCase(java.util.Locale.ROOT))
                .addValue("phone", e164);
        Boolean blocked = jdbc.queryForObject("""
                SELECT EXISTS (
                    SELECT 1 FROM customer c
                    WHERE c.workspace_id = :workspaceId AND c.status = 'BLOCKED'
                      AND (c.email_key = :email OR c.phone = :phone
                           OR c.id IN (SELECT customer_id FROM customer_identity WHERE workspace_id = :workspaceId
                                       AND partner = :partner AND external_id = :externalId)))""",
                params, Boolean.class);
        return Boolean.TRUE.equals(blocked) ? new Answer(false, "BLOCKED") : new Answer(true, null);
    }
}
