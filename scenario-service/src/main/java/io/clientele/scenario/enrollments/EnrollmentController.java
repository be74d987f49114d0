package io.clientele.scenario.enrollments;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.clientele.scenario.definitions.NameCollation;
import io.clientele.scenario.enrollments.CustomerScenarios.EnrollmentView;
import io.clientele.scenario.enrollments.CustomerScenarios.PlannedView;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** S-3/S-4: a customer's active scenarios and planned steps; staff start one by hand and end one. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Enrollments", description = "A customer's scenarios and planned steps (S-3, S-4)")
class EnrollmentController {

    private final CustomerScenarios customerScenarios;

    EnrollmentController(CustomerScenarios customerScenarios) {
        this.customerScenarios = customerScenarios;
    }

    @GetMapping("/api/v1/customers/{id}/enrollments")
    @Operation(summary = "The customer's active scenarios, each with its steps (planned, done, skipped, cancelled)",
            description = "By scenario name, in the order of the language asked in (Accept-Language).")
    List<EnrollmentView> active(Actor actor, @PathVariable UUID id, Locale locale) {
        return customerScenarios.active(actor.workspaceId(), id, NameCollation.of(locale));
    }

    @GetMapping("/api/v1/customers/{id}/planned-steps")
    @Operation(summary = "Every future step of the customer's scenarios, soonest first")
    List<PlannedView> planned(Actor actor, @PathVariable UUID id) {
        return customerScenarios.planned(actor.workspaceId(), id);
    }

    @PostMapping("/api/v1/customers/{id}/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a scenario for the customer by hand", description = "Body: scenarioId, and reservationId"
            + " for a scenario about a reservation. The entry rules apply; a refusal is a 409 naming the rule.")
    EnrollmentView start(Actor actor, @PathVariable UUID id, @RequestBody JsonNode body) {
        return customerScenarios.start(actor, id, uuid(body, "scenarioId", true), uuid(body, "reservationId", false));
    }

    @GetMapping("/api/v1/enrollments/{id}")
    EnrollmentView one(Actor actor, @PathVariable UUID id) {
        return customerScenarios.one(actor.workspaceId(), id);
    }

    @PostMapping("/api/v1/enrollments/{id}/end")
    @Operation(summary = "End a running enrollment; its planned steps are cancelled")
    EnrollmentView end(Actor actor, @PathVariable UUID id) {
        return customerScenarios.end(actor, id);
    }

    private static UUID uuid(JsonNode body, String field, boolean required) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "type", "must be a JSON object");
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw InvalidInputException.of(field, "required", "is required");
            }
            return null;
        }
        if (!value.isString()) {
            throw InvalidInputException.of(field, "type", "must be a string (a UUID)");
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException notAUuid) {
            throw InvalidInputException.of(field, "format", "must be a UUID");
        }
    }
}
