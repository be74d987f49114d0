package io.clientele.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What breaks a reader of an earlier schema version, and what does not. */
class SchemaCompatibilityTest {

    static final String ORDER = """
            {"type": "object", "required": ["orderId", "status"], "properties": {
              "orderId": {"type": "string", "format": "uuid"},
              "status": {"enum": ["NEW", "SHIPPED"]},
              "total": {"type": "string", "pattern": "^[0-9]+$"},
              "note": {"type": ["string", "null"]},
              "lines": {"type": "array", "items": {"type": "object", "properties": {
                "sku": {"type": "string"}, "quantity": {"type": "integer"}}}}}}""";

    @Test
    void compatibleChangesPass() {
        String later = ORDER.replace("\"note\": {", "\"channel\": {\"type\": \"string\"}, \"note\": {\"description\": \"free text\", ")
                .replace("\"pattern\": \"^[0-9]+$\"", "\"pattern\": \"^[0-9.]+$\"")
                .replace("\"quantity\": {\"type\": \"integer\"}", "\"quantity\": {\"type\": \"integer\", \"minimum\": 1}");

        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER)).isEmpty();
        assertThat(SchemaCompatibility.breakingChanges(ORDER, later)).isEmpty();
    }

    @Test
    void aRemovedFieldBreaksReaders() {
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"total\": {\"type\": \"string\", \"pattern\": \"^[0-9]+$\"},", "")))
                .containsExactly("schema: total: removed");
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"sku\": {\"type\": \"string\"}, ", "")))
                .containsExactly("schema: lines[items].sku: removed");
    }

    @Test
    void aRetypedOrNewlyNullableFieldBreaksReaders() {
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"total\": {\"type\": \"string\"", "\"total\": {\"type\": \"number\"")))
                .containsExactly("schema: total: holds number where readers expect string");
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"total\": {\"type\": \"string\"", "\"total\": {\"type\": [\"string\", \"null\"]")))
                .containsExactly("schema: total: holds null or string where readers expect string");
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"format\": \"uuid\"", "\"format\": \"uri\"")))
                .containsExactly("schema: orderId: format uuid became uri");
    }

    @Test
    void aNarrowedTypeOrAFieldThatLosesItsNullStaysReadable() {
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("\"note\": {\"type\": [\"string\", \"null\"]}", "\"note\": {\"type\": \"string\"}")))
                .isEmpty();
    }

    @Test
    void aValueReadersDoNotKnowBreaksThem() {
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("[\"NEW\", \"SHIPPED\"]", "[\"NEW\", \"SHIPPED\", \"LOST\"]")))
                .containsExactly("schema: status: values readers do not know: [\"LOST\"]");
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("{\"enum\": [\"NEW\", \"SHIPPED\"]}", "{\"type\": \"string\"}")))
                .containsExactly("schema: status: values readers do not know: [any value]");
    }

    @Test
    void aNewlyRequiredFieldBreaksReadersOfEventsWithoutIt() {
        assertThat(SchemaCompatibility.breakingChanges(ORDER, ORDER.replace("[\"orderId\", \"status\"]", "[\"orderId\", \"status\", \"total\"]")))
                .containsExactly("schema: total: required now, optional or absent before");
    }

    @Test
    void theReleasedSchemasAreComparedThroughTheirReferences(@TempDir Path later) throws IOException {
        Path released = Path.of("released");
        try (Stream<Path> files = Files.list(released)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                Files.copy(file, later.resolve(file.getFileName()));
            }
        }
        assertThat(SchemaCompatibility.breakingChanges(released, later)).isEmpty();

        // Every event's subject and ids use the shared uuid definition: retyping it breaks them all.
        Path cloudEvent = later.resolve("cloudevent.schema.json");
        String uuid = Files.readString(cloudEvent);
        Files.writeString(cloudEvent, uuid.replaceFirst("(\"uuid\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*)\"string\"", "$1\"integer\""));
        Files.delete(later.resolve("order.status-changed.v1.schema.json"));

        List<String> problems = SchemaCompatibility.breakingChanges(released, later);
        assertThat(problems).contains("order.status-changed.v1.schema.json: the type is no longer published")
                .contains("order.placed.v1.schema.json: data.orderId: holds integer where readers expect string");
    }
}
