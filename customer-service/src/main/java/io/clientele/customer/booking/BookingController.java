package io.clientele.customer.booking;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** What partner booking systems call (PARTNER tokens only). */
@RestController
@PreAuthorize("hasRole('PARTNER')")
@Tag(name = "Booking integration", description = "For partner booking systems (B-1, B-3)")
class BookingController {

    private final BookingIntake intake;
    private final Eligibility eligibility;

    BookingController(BookingIntake intake, Eligibility eligibility) {
        this.intake = intake;
        this.eligibility = eligibility;
    }

    @PostMapping("/api/v1/booking/events")
    @Operation(summary = "Submit a reservation event (for systems that cannot produce to Kafka)",
            description = "A CloudEvent of type booking.reservation-*.v1 (see platform/contracts). source and "
                    + "workspaceid may be left out: they are taken from the token. 202 once it is queued on "
                    + "booking.reservations; 400 with every contract violation; 503 when it could not be queued.")
    ResponseEntity<Map<String, String>> submit(Actor actor, @RequestBody JsonNode event) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", intake.accept(actor, event)));
    }

    @GetMapping("/api/v1/booking/eligibility")
    @Operation(summary = "May this customer book? (B-3)", description = "By your customer id, e-mail or phone. "
            + "Answers only whether the customer may book and, if not, why (BLOCKED); never who they are.")
    Eligibility.Answer eligibility(Actor actor,
            @Parameter(description = "Your customer id") @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String email, @RequestParam(required = false) String phone) {
        return eligibility.check(actor, customerId, email, phone);
    }
}
