package io.clientele.scenario.readymade;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.clientele.scenario.definitions.ScenarioView;
import io.clientele.scenario.definitions.Scenarios;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** S-2: ready-made scenarios, switched on with one call (once per workspace; again answers the same scenario). */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Ready-made scenarios", description = "S-2")
class ReadyMadeController {

    private final Scenarios scenarios;

    ReadyMadeController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping("/api/v1/scenarios/ready-made")
    List<ReadyMade.Offer> offers() {
        return ReadyMade.OFFERS;
    }

    @PostMapping("/api/v1/scenarios/ready-made/{key}")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Switch a ready-made scenario on", description = "Optional body {\"channel\": \"SMS\"|\"EMAIL\","
            + " \"days\": N} (days: reactivation's wait, 1 to 3650, default 90)."
            + " Creates an ordinary, active scenario the workspace can edit, pause or end like its own.")
    ScenarioView switchOn(Actor actor, @PathVariable String key, @RequestBody(required = false) JsonNode body) {
        String channel = ReadyMade.defaultChannels().get(key);
        int days = 90;
        if (body != null && body.isObject() && body.get("days") != null && !body.get("days").isNull()) {
            JsonNode given = body.get("days");
            if (!given.isIntegralNumber() || given.asLong() < 1 || given.asLong() > 3650) {
                throw InvalidInputException.of("days", "range", "must be a whole number from 1 to 3650");
            }
            days = given.asInt();
        }
        if (body != null && !body.isNull()) {
            JsonNode given = body.isObject() ? body.get("channel") : null;
            if (!body.isObject() || (given != null && !given.isNull() && !given.isString())) {
                throw InvalidInputException.of(body.isObject() ? "channel" : "body", "type",
                        body.isObject() ? "must be a string" : "must be a JSON object");
            }
            if (given != null && !given.isNull()) {
                channel = given.asString();
            }
        }
        return scenarios.create(actor, ReadyMade.definition(key, channel == null ? "SMS" : channel, days), key);
    }
}
