package io.clientele.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    record Data(UUID customerId, String name, Instant at, BigDecimal discount, List<String> tags, Map<String, Object> extra,
            String missing) {
    }

    @Test
    void writingStraightFromTheDataGivesTheTextOfTheEnvelopeBuiltAsATree() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("count", 3);
        extra.put("note", "tab\tand \"quotes\" and ünïcode");
        extra.put("none", null);
        Data data = new Data(UUID.randomUUID(), "Nováková", Instant.parse("2026-12-01T10:15:30.123456Z"),
                new BigDecimal("12.50"), List.of("vip", "b2b"), extra, null);
        String id = UUID.randomUUID().toString();
        Instant time = Instant.parse("2026-12-01T10:15:31Z");

        String direct = EventJson.write(id, "/customer-service", "customer.updated.v1", time, "subject-1", "ws-1", data);
        String viaTree = EventJson.write(new EventEnvelope(EventEnvelope.SPEC_VERSION, id, "/customer-service",
                "customer.updated.v1", time, "subject-1", "ws-1", "application/json", EventJson.toTree(data)));

        assertThat(direct).isEqualTo(viaTree);
        assertThat(EventJson.read(direct).data().get("name").asString()).isEqualTo("Nováková");
    }
}
