package io.clientele.customer.customers;

import io.clientele.platform.jdbc.PostgresCopy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer table as plain rows, for the bulk paths that bypass JPA (imports): which columns are
 * written, how a row becomes a {@link Customer} and how a customer becomes a COPY line.
 */
final class CustomerRows {

    /** Every stored column; the generated ones (search, sort keys, contact state) are the database's. */
    static final List<String> COLUMNS = List.of("id", "workspace_id", "first_name", "last_name", "company_name",
            "email", "phone", "birth_date", "gender", "street", "city", "postal_code", "country", "vat_id",
            "preferred_language", "preferred_currency", "discount_percent", "customer_type", "source", "synced",
            "custom_fields", "status", "stage", "temperature", "subscription_state", "muted", "last_note_preview",
            "last_note_at", "created_at", "updated_at", "version");

    static final String SELECT_LIST = String.join(", ", COLUMNS.stream().map(column -> "c." + column).toList());

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    CustomerRows(JsonMapper json) {
        this.json = json;
    }

    Customer read(ResultSet rs) throws SQLException {
        CustomerProfile profile = new CustomerProfile(rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("company_name"), rs.getString("email"), rs.getString("phone"),
                rs.getObject("birth_date", LocalDate.class), enumOf(Gender.class, rs.getString("gender")),
                new Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"),
                        rs.getString("country")), rs.getString("vat_id"), rs.getString("preferred_language"),
                rs.getString("preferred_currency"), rs.getBigDecimal("discount_percent"),
                enumOf(CustomerType.class, rs.getString("customer_type")),
                enumOf(SalesStage.class, rs.getString("stage")), enumOf(Temperature.class, rs.getString("temperature")),
                json.readValue(rs.getString("custom_fields"), MAP));
        return Customer.restore(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), profile,
                enumOf(CustomerSource.class, rs.getString("source")), rs.getBoolean("synced"),
                enumOf(LifecycleStatus.class, rs.getString("status")),
                enumOf(SubscriptionState.class, rs.getString("subscription_state")), rs.getBoolean("muted"),
                rs.getString("last_note_preview"), instant(rs.getTimestamp("last_note_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("version"));
    }

    void write(Customer customer, PostgresCopy.Line line) {
        CustomerProfile profile = customer.profile();
        Address address = profile.address();
        BigDecimal discount = profile.discountPercent();
        line.value(customer.id()).value(customer.workspaceId()).text(profile.firstName()).text(profile.lastName())
                .text(profile.companyName()).text(profile.email()).text(profile.phone()).value(profile.birthDate())
                .value(profile.gender()).text(address.street()).text(address.city()).text(address.postalCode())
                .text(address.country()).text(profile.vatId()).text(profile.preferredLanguage())
                .text(profile.preferredCurrency()).value(discount).value(profile.customerType())
                .value(customer.source()).value(customer.synced()).text(json.writeValueAsString(profile.customFields()))
                .value(customer.status()).value(profile.stage()).value(profile.temperature())
                .value(customer.subscriptionState()).value(customer.muted()).text(customer.lastNotePreview())
                .value(customer.lastNoteAt()).value(customer.createdAt()).value(customer.updatedAt())
                .value(customer.version());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
