package io.clientele.orderlink.pricing;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** C-12: the customer's own prices (O-2): a percentage off a product or category, or fixed prices. */
@Component
@Order(2)
class PricingExport implements CustomerDataExporter {

    private final ModifierStore modifiers;

    PricingExport(ModifierStore modifiers) {
        this.modifiers = modifiers;
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        return Map.of("personalPrices", modifiers.of(workspaceId, customerId));
    }
}
