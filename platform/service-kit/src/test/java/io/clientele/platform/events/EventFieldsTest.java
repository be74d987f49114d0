package io.clientele.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.platform.problem.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventFieldsTest {

    static final String EVENT = """
            {"specversion": "1.0", "id": "e-1", "source": "/partners/a", "type": "thing.changed.v1",
             "time": "2026-11-28T10:00:00+01:00", "subject": "s-1",
             "workspaceid": "5e1f0000-0000-4000-8000-000000000001",
             "data": {"name": "  Jana  ", "flag": true, "count": 3, "kind": "RED", "tags": {"a": "b"}}}""";

    enum Colour { RED, GREEN }

    @Test
    void aValidEventIsReadWithItsEnvelope() throws UnreadableEvent {
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(EventFields.parse(bytes(EVENT)));
        JsonNode data = envelope.data();

        assertThat(check.text(data, "name", "data.name", 10, true)).isEqualTo("Jana");
        assertThat(check.bool(data, "flag", "data.flag", true)).isTrue();
        assertThat(check.integer(data, "count", "data.count", 0, 10, true)).isEqualTo(3L);
        assertThat(check.choice(data, "kind", "data.kind", Colour.class, true)).isEqualTo(Colour.RED);
        assertThat(check.strings(data, "tags", "data.tags", 10)).containsEntry("a", "b");
        check.done();
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(envelope.workspaceId()).isEqualTo(UUID.fromString("5e1f0000-0000-4000-8000-000000000001"));
    }

    @Test
    void wrongTypesAreViolationsNeverCoercedAndAllAreReportedAtOnce() throws UnreadableEvent {
        JsonNode data = EventFields.parse(bytes("""
                {"name": 7, "flag": "true", "count": 1.5, "big": 99, "kind": "BLUE", "when": "yesterday",
                 "id": "nope", "nested": [1], "blank": "  "}"""));
        EventFields check = new EventFields();

        assertThat(check.text(data, "name", "data.name", 10, true)).isNull();
        assertThat(check.bool(data, "flag", "data.flag", true)).isNull();
        assertThat(check.integer(data, "count", "data.count", 0, 10, true)).isNull();
        assertThat(check.integer(data, "big", "data.big", 0, 10, true)).isNull();
        assertThat(check.choice(data, "kind", "data.kind", Colour.class, true)).isNull();
        assertThat(check.instant(data, "when", "data.when", true)).isNull();
        assertThat(check.uuid(data, "id", "data.id", true)).isNull();
        assertThat(check.object(data, "nested", "data.nested", true)).isNull();
        assertThat(check.text(data, "blank", "data.blank", 10, true)).isNull();
        assertThat(check.text(data, "absent", "data.absent", 10, true)).isNull();

        assertThatThrownBy(check::done).isInstanceOfSatisfying(UnreadableEvent.class, unreadable -> {
            assertThat(unreadable.violations()).extracting(FieldViolation::field).containsExactly("data.name",
                    "data.flag", "data.count", "data.big", "data.kind", "data.when", "data.id", "data.nested",
                    "data.blank", "data.absent");
            assertThat(unreadable.getMessage()).contains("data.flag: must be true or false",
                    "data.count: must be a whole number", "data.kind: 'BLUE' is not one of [RED, GREEN]");
        });
    }

    @Test
    void whatIsNotAJsonObjectIsUnreadable() {
        assertThatThrownBy(() -> EventFields.parse(bytes("{not json"))).hasMessageContaining("body: is not JSON");
        assertThatThrownBy(() -> EventFields.parse(bytes("[1, 2]"))).hasMessageContaining("must be a CloudEvent object");
        assertThatThrownBy(() -> EventFields.parse(null)).hasMessageContaining("tombstone");
    }

    @Test
    void aBrokenEnvelopeNamesEachAttribute() {
        EventFields check = new EventFields();
        check.envelope(parseQuietly("""
                {"specversion": "0.3", "id": "", "time": "soon", "workspaceid": "acme", "data": 1}"""));

        assertThat(check.violations()).extracting(FieldViolation::field).containsExactly("specversion", "id", "source",
                "type", "time", "subject", "workspaceid", "data");
    }

    private static JsonNode parseQuietly(String json) {
        try {
            return EventFields.parse(bytes(json));
        } catch (UnreadableEvent unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
