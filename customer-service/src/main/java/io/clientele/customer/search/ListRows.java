package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerDetails;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the rows of {@link PageSql}'s queries. */
final class ListRows {

    private ListRows() {
    }

    /** A row of the list with its sort keys as text, for the cursor. */
    record Fetched(CustomerSearch.CustomerRow row, List<String> sortKeys) {
    }

    static Fetched fetched(ResultSet rs, int sortKeys) throws SQLException {
        String firstName = rs.getString("first_name");
        String lastName = rs.getString("last_name");
        String companyName = rs.getString("company_name");
        CustomerSearch.CustomerRow row = new CustomerSearch.CustomerRow(rs.getObject("id", UUID.class),
                CustomerDetails.displayName(firstName, lastName, companyName), firstName, lastName, companyName,
                rs.getString("email"), rs.getString("phone"), ContactState.valueOf(rs.getString("contact_state")),
                LifecycleStatus.valueOf(rs.getString("status")), SalesStage.valueOf(rs.getString("stage")),
                enumOrNull(Temperature.class, rs.getString("temperature")), rs.getString("last_note_preview"),
                instant(rs, "last_note_at"), rs.getBigDecimal("discount_percent"),
                CustomerSource.valueOf(rs.getString("source")), rs.getBoolean("synced"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        List<String> keys = new ArrayList<>(sortKeys);
        for (int i = 0; i < sortKeys; i++) {
            keys.add(rs.getString("sort_key_" + i));
        }
        return new Fetched(row, keys);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
