package io.clientele.gateway.export;

import io.clientele.gateway.composition.PartOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * C-12: one call, one document with everything every service holds about a customer. A GDPR export must be
 * whole: when any part is missing the answer is 503 naming the services, never a document without them.
 * Handler mappings come before the gateway's routes, so this path is answered here although
 * customer-service's route covers {@code /api/v1/customers/**}.
 */
@RestController
@Tag(name = "GDPR export", description = "Everything the platform holds about one customer (C-12)")
class CustomerExportController {

    static final URI UNAVAILABLE = URI.create("https://clientele.io/problems/export-unavailable");

    private final ExportAssembly assembly;
    private final ExportProperties properties;

    CustomerExportController(ExportAssembly assembly, ExportProperties properties) {
        this.assembly = assembly;
        this.properties = properties;
    }

    @GetMapping("/api/v1/customers/{id}/export")
    @Operation(summary = "A customer's GDPR export: every service's part in one JSON document",
            description = "Staff tokens (OWNER or STAFF), checked by each service. {customerId, workspaceId,"
                    + " exportedAt, parts: {customer-service: ..., communication-service: ...}}. 404 when"
                    + " customer-service knows no such customer, 410 when it was erased; 503 with Retry-After,"
                    + " naming the services, when any part could not be had in time.")
    Mono<ResponseEntity<?>> export(@PathVariable String id,
            // the bearer scheme, not a parameter: Swagger UI sends it once "Authorize"d
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
            String authorization) {
        return assembly.parts(id, authorization).map(outcomes -> answer(id, outcomes));
    }

    private ResponseEntity<?> answer(String id, List<PartOutcome> outcomes) {
        Optional<PartOutcome.Refused> refusal = PartOutcome.decisiveRefusal(outcomes);
        if (refusal.isPresent()) {
            return refusal.get().relayed();
        }
        Map<String, String> missing = new LinkedHashMap<>();
        outcomes.forEach(outcome -> outcome.missingBecause().ifPresent(reason -> missing.put(outcome.part().name(), reason)));
        if (!missing.isEmpty()) {
            return unavailable(missing);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("customer-" + id + "-export.json").build().toString())
                .body(assembly.document(id, outcomes));
    }

    private ResponseEntity<ProblemDetail> unavailable(Map<String, String> missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The export would"
                + " lack the part of " + String.join(", ", missing.keySet()) + ": " + String.join("; ",
                missing.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())
                + ". A GDPR export must be complete, so none is given; try again later.");
        problem.setType(UNAVAILABLE);
        problem.setTitle("Export unavailable");
        problem.setProperty("unavailable", List.copyOf(missing.keySet()));
        problem.setProperty("reasons", missing);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()))
                .body(problem);
    }
}
