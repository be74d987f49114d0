package io.clientele.scenario.enrollments;

import io.clientele.platform.privacy.ExportPart;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C-12: scenario-service's part of a customer's GDPR export, read in one snapshot: what it knows of the customer (their
 * date of birth and next greeting included), their reservations, every enrollment with every step, and what each
 * campaign that met them did. Exactly what {@code customer.erased.v1} removes
 * ({@code PersonalData}). A customer this service never heard of has empty sections rather than a 404: whether
 * the customer exists is customer-service's to say.
 */
@Service
class CustomerDataExport {

    private final ReadModel readModel;
    private final CustomerScenarios customerScenarios;
    private final PlannedSteps store;
    private final Clock clock;

    CustomerDataExport(ReadModel readModel, CustomerScenarios customerScenarios, PlannedSteps store, Clock clock) {
        this.readModel = readModel;
        this.customerScenarios = customerScenarios;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ExportPart of(UUID workspaceId, UUID customerId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("customer", readModel.customer(workspaceId, customerId).orElse(null));
        sections.put("reservations", readModel.reservationsOf(workspaceId, customerId));
        sections.put("enrollments", customerScenarios.all(workspaceId, customerId));
        sections.put("campaigns", store.campaignsOf(workspaceId, customerId));
        return new ExportPart("scenario-service", customerId, workspaceId, clock.instant(), sections);
    }
}
