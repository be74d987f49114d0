package io.clientele.customer.customers;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Customers", description = "Customer records (C-1, C-2, C-3, C-5, C-11)")
class CustomerController {

    private final CustomerService service;

    CustomerController(CustomerService service) {
        this.service = service;
    }

    record StatusRequest(@NotNull LifecycleStatus status, @Size(max = 500) String reason) {
    }

    @PostMapping
    @Operation(summary = "Create a customer", description = "A name (first, last or company) is required; the "
            + "e-mail is optional but unique in the workspace; the phone is stored in E.164.")
    ResponseEntity<CustomerDetails> create(Actor actor, @Valid @RequestBody CustomerRequest request) {
        CustomerDetails created = service.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .eTag(etag(created)).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A customer's record", description = "410 Gone for an erased customer.")
    ResponseEntity<CustomerDetails> get(Actor actor, @PathVariable UUID id) {
        CustomerDetails customer = service.get(actor, id);
        return ResponseEntity.ok().eTag(etag(customer)).body(customer);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a customer (replaces every editable field)",
            description = "Send If-Match with the ETag you read to refuse the edit (412) if someone changed "
                    + "the customer in between.")
    ResponseEntity<CustomerDetails> update(Actor actor, @PathVariable UUID id,
            @Parameter(description = "ETag of the version being edited") @RequestHeader(value = "If-Match", required = false)
            String ifMatch, @Valid @RequestBody CustomerRequest request) {
        CustomerDetails updated = service.update(actor, id, request, version(ifMatch));
        return ResponseEntity.ok().eTag(etag(updated)).body(updated);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a customer for good (GDPR)", description = "Personal data is removed in every "
            + "service; a record of the erasure without personal data remains.")
    ResponseEntity<Void> erase(Actor actor, @PathVariable UUID id) {
        service.erase(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the lifecycle status (C-2)", description = "Changing to the current status "
            + "changes nothing and records nothing.")
    CustomerDetails changeStatus(Actor actor, @PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return service.changeStatus(actor, id, request.status(), request.reason());
    }

    @GetMapping("/{id}/status-history")
    @Operation(summary = "Every status change of the customer, newest first")
    List<StatusChange.StatusHistoryEntry> statusHistory(Actor actor, @PathVariable UUID id) {
        return service.statusHistory(actor, id);
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find customers by e-mail or phone (C-11)", description = "When nothing matches, "
            + "'prefill' holds the normalised values to offer a new customer with.")
    CustomerService.Lookup lookup(Actor actor, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone) {
        return service.lookup(actor, email, phone);
    }

    private static String etag(CustomerDetails customer) {
        return "\"" + customer.version() + "\"";
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("If-Match", "etag", "must be an ETag this API returned, e.g. \"3\"");
        }
    }
}
