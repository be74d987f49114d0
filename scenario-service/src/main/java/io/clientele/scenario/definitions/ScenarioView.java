package io.clientele.scenario.definitions;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A scenario as the API shows it: its current version's definition as it was sent. */
public record ScenarioView(UUID id, String name, String trigger, String status, int version, String readyMade,
        Instant createdAt, Instant updatedAt, JsonNode definition) {
}
