package io.clientele.systemtests.journeys;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.clientele.systemtests.system.ClienteleSystem;
import io.clientele.systemtests.system.ClienteleSystem.Service;
import io.clientele.testkit.infra.Infrastructure;
import io.clientele.testkit.privacy.MarkerScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Looks for a person's values (names, e-mail, phone) everywhere the system keeps anything: every column of every
 * table in every schema of each PostgreSQL service's database (read from {@code information_schema}, so a table
 * nobody told the test about is read too), and every document of every collection of communication-service's
 * MongoDB database. The proof an erasure needs, taken as an auditor would take it, from the stores themselves.
 */
final class PersonalDataScan {

    private static final List<Service> POSTGRES_SERVICES = List.of(Service.CUSTOMER, Service.SCENARIO, Service.ORDER_LINK);

    private final ClienteleSystem system;
    private final List<String> values;
    private final Pattern anyValue;

    PersonalDataScan(ClienteleSystem system, List<String> values) {
        this.system = system;
        this.values = List.copyOf(values);
        this.anyValue = Pattern.compile(values.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }

    /** Where any value is: {@code <module>} to the columns ({@code schema.table.column}) or collections holding it. */
    Map<String, List<String>> holdingAny() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Service service : POSTGRES_SERVICES) {
            JdbcTemplate jdbc = jdbc(service);
            List<String> schemas = jdbc.queryForList("""
                    SELECT schema_name FROM information_schema.schemata
                    WHERE schema_name NOT IN ('information_schema', 'pg_catalog', 'pg_toast') AND schema_name NOT LIKE 'pg_temp%'
                      AND schema_name NOT LIKE 'pg_toast_temp%'""", String.class);
            List<String> columns = new MarkerScan(jdbc, anyValue, values, schemas.toArray(String[]::new))
                    .columnsHoldingAMarker();
            if (!columns.isEmpty()) {
                found.put(service.module(), columns);
            }
        }
        List<String> collections = collectionsHoldingAny();
        if (!collections.isEmpty()) {
            found.put(Service.COMMUNICATION.module(), collections);
        }
        return found;
    }

    Set<String> storesHoldingAny() {
        return holdingAny().keySet();
    }

    /** One number from a service's database ({@code SELECT count(*) ...}). */
    long count(Service service, String sql, Object... arguments) {
        Long count = jdbc(service).queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private List<String> collectionsHoldingAny() {
        List<String> holding = new ArrayList<>();
        try (MongoClient client = MongoClients.create(Infrastructure.mongoUri())) {
            MongoDatabase database = client.getDatabase(system.mongoDatabase());
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    if (anyValue.matcher(document.toJson()).find()) {
                        holding.add(collection + " " + document.get("_id"));
                    }
                }
            }
        }
        return holding;
    }

    private JdbcTemplate jdbc(Service service) {
        Infrastructure.Postgres database = system.database(service);
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(),
                database.username(), database.password()));
    }
}
