package io.clientele.orderlink.pricing;

import io.clientele.orderlink.pricing.CustomerPricing.ModifierRequest;
import io.clientele.orderlink.pricing.CustomerPricing.PriceLine;
import io.clientele.orderlink.pricing.Modifier.TargetType;
import io.clientele.platform.security.Actor;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * O-2: a customer's price modifiers, and their price list as their order page shows it. Paths sit under
 * the customer; the gateway routes them here ahead of customer-service's {@code /api/v1/customers/**}.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
class PricingController {

    private final CustomerPricing pricing;

    PricingController(CustomerPricing pricing) {
        this.pricing = pricing;
    }

    @GetMapping("/api/v1/customers/{customerId}/price-modifiers")
    List<Modifier> modifiers(Actor actor, @PathVariable UUID customerId) {
        return pricing.modifiers(actor.workspaceId(), customerId);
    }

    @PutMapping("/api/v1/customers/{customerId}/price-modifiers/products/{productId}")
    Modifier product(Actor actor, @PathVariable UUID customerId, @PathVariable UUID productId,
            @RequestBody ModifierRequest request) {
        return pricing.replace(actor.workspaceId(), customerId, TargetType.PRODUCT, productId, request);
    }

    @PutMapping("/api/v1/customers/{customerId}/price-modifiers/categories/{categoryId}")
    Modifier category(Actor actor, @PathVariable UUID customerId, @PathVariable UUID categoryId,
            @RequestBody ModifierRequest request) {
        return pricing.replace(actor.workspaceId(), customerId, TargetType.CATEGORY, categoryId, request);
    }

    @DeleteMapping("/api/v1/customers/{customerId}/price-modifiers/products/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProduct(Actor actor, @PathVariable UUID customerId, @PathVariable UUID productId) {
        pricing.delete(actor.workspaceId(), customerId, TargetType.PRODUCT, productId);
    }

    @DeleteMapping("/api/v1/customers/{customerId}/price-modifiers/categories/{categoryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCategory(Actor actor, @PathVariable UUID customerId, @PathVariable UUID categoryId) {
        pricing.delete(actor.workspaceId(), customerId, TargetType.CATEGORY, categoryId);
    }

    /** @param currency an ISO 4217 code; by default the customer's page currency */
    @GetMapping("/api/v1/customers/{customerId}/prices")
    List<PriceLine> prices(Actor actor, @PathVariable UUID customerId, @RequestParam(required = false) String currency) {
        return pricing.prices(actor.workspaceId(), customerId, currency);
    }
}
