package io.clientele.scenario.definitions;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** S-1: staff read the workspace's scenarios; the owner defines, edits, pauses and resumes them. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Scenarios", description = "Scenario definitions (S-1)")
class ScenarioController {

    private final Scenarios scenarios;

    ScenarioController(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @GetMapping("/api/v1/scenarios")
    @Operation(summary = "The workspace's scenarios by name, in the order of the language asked in (Accept-Language)")
    List<ScenarioView> all(Actor actor, Locale locale) {
        return scenarios.all(actor.workspaceId(), NameCollation.of(locale));
    }

    @GetMapping("/api/v1/scenarios/{id}")
    ScenarioView one(Actor actor, @PathVariable UUID id) {
        return scenarios.get(actor.workspaceId(), id);
    }

    @GetMapping("/api/v1/scenarios/{id}/versions/{version}")
    @Operation(summary = "An earlier version of a scenario, as running enrollments still use it")
    JsonNode version(Actor actor, @PathVariable UUID id, @PathVariable int version) {
        return scenarios.version(actor.workspaceId(), id, version);
    }

    @PostMapping("/api/v1/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Define a scenario", description = "A trigger, entry and exit rules and steps, as JSON;"
            + " a wrong definition is answered with a problem document naming every wrong field. Active at once.")
    ScenarioView create(Actor actor, @RequestBody JsonNode body) {
        return scenarios.create(actor, body);
    }

    @PutMapping("/api/v1/scenarios/{id}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Edit a scenario: a new version", description = "New enrollments start on the new version;"
            + " running ones finish on the version they started with.")
    ScenarioView edit(Actor actor, @PathVariable UUID id, @RequestBody JsonNode body) {
        return scenarios.edit(actor, id, body);
    }

    @PostMapping("/api/v1/scenarios/{id}/pause")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Pause: no new enrollments; running ones go on (end them by hand if they should stop)")
    ScenarioView pause(Actor actor, @PathVariable UUID id) {
        return scenarios.setActive(actor, id, false);
    }

    @PostMapping("/api/v1/scenarios/{id}/activate")
    @PreAuthorize("hasRole('OWNER')")
    ScenarioView activate(Actor actor, @PathVariable UUID id) {
        return scenarios.setActive(actor, id, true);
    }
}
