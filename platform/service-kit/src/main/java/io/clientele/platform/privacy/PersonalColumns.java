package io.clientele.platform.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C-5, C-12: a PostgreSQL service's classification of every column it keeps: personal data of a
 * customer, and what erasure does to it; or not personal, and why. Each service writes its list once
 * (its {@code privacy.PersonalData}); its tests compare the list with the database's own
 * ({@code information_schema.columns} after the migrations ran, see the test-kit's {@code SchemaColumns}),
 * so a column added without a line in the list fails the build, and fill every personal free-text column
 * with markers to prove that the export shows them and the erasure leaves none.
 */
public final class PersonalColumns {

    /** What erasure does to a column. */
    public enum Treatment {
        /** Personal: the rows holding it are deleted with the customer. */
        DELETED,
        /** Personal: set to null in rows that stay (anonymised). */
        CLEARED,
        /** Personal: rewritten without the person in rows that stay (a note says it was erased). */
        REWRITTEN,
        /** Not the customer's personal data; {@link Column#why()} says why. */
        NOT_PERSONAL;

        public boolean personal() {
            return this != NOT_PERSONAL;
        }
    }

    /**
     * @param freeText whether the column holds text people or partners wrote, in any shape (names, notes,
     *                 reasons, JSON of such), as opposed to coded values (ids, dates, enum codes, numbers)
     * @param why      for personal columns, what the table holds; for the others, why they are not personal
     */
    public record Column(String schema, String table, String name, Treatment treatment, boolean freeText, String why) {

        public String qualifiedName() {
            return schema + "." + table + "." + name;
        }
    }

    private final Map<String, Column> columns;

    private PersonalColumns(Map<String, Column> columns) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every classified column, table by table. */
    public List<Column> all() {
        return List.copyOf(columns.values());
    }

    /** {@code schema.table.column} of every classified column. */
    public List<String> qualifiedNames() {
        return List.copyOf(columns.keySet());
    }

    public Optional<Column> column(String schema, String table, String name) {
        return Optional.ofNullable(columns.get(schema + "." + table + "." + name));
    }

    /** Personal columns holding free text: what a marker test fills and looks for afterwards. */
    public List<Column> personalFreeText() {
        return columns.values().stream().filter(column -> column.treatment().personal() && column.freeText()).toList();
    }

    /** Collects columns table by table; a column named twice is a mistake in the list. */
    public static final class Builder {

        private final Map<String, Column> columns = new LinkedHashMap<>();
        private String schema;
        private String table;
        private String what;

        private Builder() {
        }

        /** @param what what the table's rows are, and what erasure does to them */
        public Builder table(String schema, String table, String what) {
            this.schema = schema;
            this.table = table;
            this.what = what;
            return this;
        }

        public Builder personal(Treatment treatment, boolean freeText, String... names) {
            if (treatment == Treatment.NOT_PERSONAL) {
                throw new IllegalArgumentException("use notPersonal(why, ...) and say why");
            }
            for (String name : names) {
                add(new Column(schema, table, name, treatment, freeText, what));
            }
            return this;
        }

        public Builder notPersonal(String why, String... names) {
            for (String name : names) {
                add(new Column(schema, table, name, Treatment.NOT_PERSONAL, false, why));
            }
            return this;
        }

        /**
         * The platform schema every PostgreSQL service has from the service-kit (Flyway's history, the
         * outbox, the inbox); the outbox's rows are the service's events, so the service says what erasure
         * does to them.
         */
        public Builder platformSchema(String outboxWhat, Treatment outboxPayload) {
            table("platform", "flyway_schema_history", "");
            notPersonal("the schema's migration history", "installed_rank", "version", "description", "type",
                    "script", "checksum", "installed_by", "installed_on", "execution_time", "success");
            table("platform", "outbox_event", outboxWhat);
            personal(outboxPayload, true, "payload");
            personal(outboxPayload, false, "message_key");
            notPersonal("a random id that names no one once the rows it points to are gone", "id");
            notPersonal("the event's kind and place", "seq", "topic", "event_type");
            notPersonal("the relay's bookkeeping; Kafka's answer about the record, never its content", "created_at",
                    "published_at", "attempts", "last_error", "failed_at");
            notPersonal("the trace the event belongs to: random trace and span ids and a flag", "traceparent");
            table("platform", "inbox_event", "");
            notPersonal("ids other services and partners gave their events, and when they were applied", "consumer",
                    "event_id", "processed_at");
            notPersonal("the business the event belongs to", "workspace_id");
            return this;
        }

        private void add(Column column) {
            if (columns.putIfAbsent(column.qualifiedName(), column) != null) {
                throw new IllegalStateException(column.qualifiedName() + " is classified twice");
            }
        }

        public PersonalColumns build() {
            return new PersonalColumns(columns);
        }
    }
}
