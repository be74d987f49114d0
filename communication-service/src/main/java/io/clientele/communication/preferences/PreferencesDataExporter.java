package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import io.clientele.platform.privacy.CustomerDataExporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** C-12: the customer's preferences (M-1) and the whole consent record (M-2), oldest entry first. */
@Component
@Order(20)
class PreferencesDataExporter implements CustomerDataExporter {

    private final Preferences preferences;
    private final ConsentRecord consents;

    PreferencesDataExporter(Preferences preferences, ConsentRecord consents) {
        this.preferences = preferences;
        this.consents = consents;
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        CustomerRef customer = new CustomerRef(workspaceId, customerId);
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("preferences", preferences.find(customer).map(PreferencesController.PreferencesView::of)
                .orElse(null));
        sections.put("consents", consents.of(customer).orElse(List.of()));
        return sections;
    }
}
