package io.clientele.customer.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.clientele.customer.customers.CustomerDetails;
import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import io.clientele.customer.customers.Customers;
import io.clientele.platform.privacy.CustomerDataExporter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What imports keep of a person by contact rather than by customer id: rows they refused (cells as the file
 * had them, reasons that may quote a cell), and a failed job's message quoting a value. Found by the
 * customer's e-mail (any cell, case-insensitively) or phone (any cell whose digits are the number with or
 * without its country prefix, as people type it); exported with the customer (C-12) and rewritten when the
 * customer is erased (C-5).
 * <p>
 * A refused row keeps its number and reason codes, with "erased" for the rest, rather than vanishing: the
 * import's counts and report stay whole and say plainly that a row's content was erased on request.
 * <p>
 * It reads the imports' tables, which the imports module writes; it lives here because finding a person by
 * contact across every import is this module's concern, not the import's.
 */
@Component
@Order(50)
class ImportTraces implements CustomerDataExporter {

    static final String ERASED = "erased at the person's request";
    private static final String FAILURE_ERASED = "The import stopped on an unexpected error; its message quoted an"
            + " erased person and was removed";
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** A row of the workspace's imports whose cells name the person. */
    private static final String MATCHING_ROWS = """
            FROM customer_import_rejection r JOIN customer_import i ON i.id = r.import_id
            WHERE i.workspace_id = :workspaceId AND EXISTS (
                SELECT 1 FROM jsonb_each_text(r.cells) AS c(key, value)
                WHERE lower(btrim(c.value)) = CAST(:email AS text) OR regexp_replace(c.value, '[^0-9]', '', 'g') = ANY (CAST(:phones AS text[])))""";
    /** A failed job of the workspace whose message quotes the person's e-mail or phone. */
    private static final String MATCHING_FAILURES = """
            FROM customer_import i WHERE i.workspace_id = :workspaceId AND i.failure IS NOT NULL
              AND (strpos(lower(i.failure), CAST(:email AS text)) > 0
                   OR EXISTS (SELECT 1 FROM unnest(CAST(:phones AS text[])) AS p(digits)
                              WHERE strpos(regexp_replace(i.failure, '[^0-9]', '', 'g'), p.digits) > 0))""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Customers customers;
    private final JsonMapper json;

    ImportTraces(NamedParameterJdbcTemplate jdbc, Customers customers, JsonMapper json) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.json = json;
    }

    record RejectedRow(UUID importId, String fileName, Instant importedAt, long rowNumber,
            List<Map<String, Object>> reasons, Map<String, Object> cells) {
    }

    record FailedImport(UUID importId, String fileName, Instant importedAt, String failure) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        CustomerDetails customer = customers.details(workspaceId, customerId);
        MapSqlParameterSource contact = contact(workspaceId, customer.email(), customer.phone());
        Map<String, Object> traces = new LinkedHashMap<>();
        traces.put("rejectedRows", jdbc.query("SELECT r.import_id, i.file_name, i.requested_at, r.row_number,"
                + " r.reasons::text AS reasons, r.cells::text AS cells " + MATCHING_ROWS
                + " ORDER BY i.requested_at, r.import_id, r.row_number", contact, this::rejectedRow));
        traces.put("failures", jdbc.query("SELECT i.id, i.file_name, i.requested_at, i.failure " + MATCHING_FAILURES
                + " ORDER BY i.requested_at, i.id", contact, (rs, n) -> new FailedImport(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4))));
        return Map.of("importTraces", traces);
    }

    /** Runs in the erasure's transaction, before the record goes. */
    @EventListener
    void on(CustomerErased erased) {
        MapSqlParameterSource contact = contact(erased.workspaceId(), erased.email(), erased.phone())
                .addValue("erased", ERASED).addValue("failureErased", FAILURE_ERASED);
        jdbc.update("""
                UPDATE customer_import_rejection AS target SET cells = '{}'::jsonb,
                    reasons = (SELECT coalesce(jsonb_agg(jsonb_build_object('field', e -> 'field', 'code', e -> 'code',
                                                                            'message', :erased)), '[]'::jsonb)
                               FROM jsonb_array_elements(target.reasons) AS e)
                WHERE (target.import_id, target.row_number) IN (SELECT r.import_id, r.row_number\s""" + MATCHING_ROWS
                + ")", contact);
        jdbc.update("UPDATE customer_import SET failure = :failureErased WHERE id IN (SELECT i.id "
                + MATCHING_FAILURES + ")", contact);
    }

    private MapSqlParameterSource contact(UUID workspaceId, String email, String phone) {
        // No e-mail (null) matches nothing; no phone, an empty array.
        return new MapSqlParameterSource().addValue("workspaceId", workspaceId)
                .addValue("email", email == null ? null : email.strip().toLowerCase(Locale.ROOT))
                .addValue("phones", phoneDigits(phone));
    }

    /**
     * How a number's digits look as people write it: "+420 777 123 456" and "00420777123456" (with the
     * country prefix), "777 123 456" and "0777 123 456" (national, with or without a trunk prefix).
     */
    static String[] phoneDigits(String e164) {
        if (e164 == null) {
            return new String[0];
        }
        try {
            PhoneNumber number = PhoneNumberUtil.getInstance().parse(e164, null);
            String national = PhoneNumberUtil.getInstance().getNationalSignificantNumber(number);
            String country = String.valueOf(number.getCountryCode());
            return new String[] {country + national, "00" + country + national, national, "0" + national};
        } catch (NumberParseException notE164) {
            return new String[] {e164.replaceAll("[^0-9]", "")};
        }
    }

    private RejectedRow rejectedRow(ResultSet rs, int row) throws SQLException {
        return new RejectedRow(rs.getObject("import_id", UUID.class), rs.getString("file_name"),
                rs.getTimestamp("requested_at").toInstant(), rs.getLong("row_number"),
                json.readValue(rs.getString("reasons"), LIST), json.readValue(rs.getString("cells"), OBJECT));
    }
}
