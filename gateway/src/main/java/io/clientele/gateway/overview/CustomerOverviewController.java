package io.clientele.gateway.overview;

import io.clientele.gateway.composition.PartOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * G-5: everything the customer detail page shows, in one call. Answered here, by the gateway, because it is
 * only assembly: each part is a service's existing API answer, and the gateway already asks every service
 * for a customer's parts with the caller's token (the GDPR export). Unlike the export, an overview with a
 * part missing is still worth showing: the answer comes by the deadline with what has arrived.
 * Handler mappings come before the gateway's routes, so this path is answered here although
 * customer-service's route covers {@code /api/v1/customers/**} (customer-service's own
 * {@code /overview}, its reservation and order figures, is the {@code summary} part).
 */
@RestController
@EnableConfigurationProperties(OverviewProperties.class)
@Tag(name = "Customer overview", description = "Everything the customer detail page shows, in one call (G-5)")
class CustomerOverviewController {

    static final URI UNAUTHORIZED = URI.create("https://clientele.io/problems/unauthorized");

    private final OverviewAssembly assembly;

    CustomerOverviewController(OverviewAssembly assembly) {
        this.assembly = assembly;
    }

    @GetMapping("/api/v1/customers/{id}/overview")
    @Operation(summary = "A customer's overview: profile, figures and turnover, upcoming reservations, "
            + "preferences and consent, last messages, active scenarios, planned steps, open orders",
            description = "Staff tokens (OWNER or STAFF), checked by each service, each within its own workspace."
                    + " The parts are asked in parallel, each within its timeout, and the answer comes by the"
                    + " deadline: a part that did not come is {status: unavailable, reason}, the others"
                    + " {status: available, data}; `unavailable` lists the missing ones. 404 when customer-service"
                    + " knows no such customer, 410 when it was erased; 401 without a token.")
    Mono<ResponseEntity<?>> overview(@PathVariable String id, ServerHttpRequest request,
            // the bearer scheme, not a parameter: Swagger UI sends it once "Authorize"d
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
            String authorization) {
        if (authorization == null || authorization.isBlank()) {
            // Nothing to ask the services with: every part would be a 401.
            return Mono.just(unauthorized(request));
        }
        return assembly.parts(id, authorization).map(outcomes -> answer(id, outcomes));
    }

    private ResponseEntity<?> answer(String id, List<PartOutcome> outcomes) {
        Optional<PartOutcome.Refused> refusal = PartOutcome.decisiveRefusal(outcomes);
        if (refusal.isPresent()) {
            return refusal.get().relayed();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .body(assembly.document(id, outcomes));
    }

    private static ResponseEntity<ProblemDetail> unauthorized(ServerHttpRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid bearer token is required: the request has none");
        problem.setType(UNAUTHORIZED);
        problem.setTitle("Authentication required");
        problem.setInstance(URI.create(request.getPath().value()));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }
}
