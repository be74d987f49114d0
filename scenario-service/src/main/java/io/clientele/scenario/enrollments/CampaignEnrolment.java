package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S-3: what a campaign asks of enrollments, one customer at a time, inside the campaign's transaction for the page.
 * The scenario's entry rules apply as to any start; a customer already running in the scenario is skipped too,
 * whatever its re-entry rule, because a campaign means "make sure they are in it", not "start it again".
 */
@Service
public class CampaignEnrolment {

    /** Enrolled (enrollmentId), or skipped (reason). */
    public record Outcome(UUID enrollmentId, String skipped) {
    }

    public static final String ALREADY_ENROLLED = "already in the scenario";

    private final PlannedSteps store;
    private final Enrollments enrollments;

    CampaignEnrolment(PlannedSteps store, Enrollments enrollments) {
        this.store = store;
        this.enrollments = enrollments;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome enrol(UUID workspaceId, ScenarioVersion scenario, UUID customerId, UUID campaignId, Instant now) {
        // the same lock Enrollments.start takes (advisory locks stack within a transaction): the check and the
        // start are one decision about this customer in this scenario
        store.lock(workspaceId, scenario.scenarioId(), customerId);
        if (store.earlier(workspaceId, scenario.scenarioId(), customerId).stream()
                .anyMatch(PlannedSteps.EnrollmentRow::active)) {
            return new Outcome(null, ALREADY_ENROLLED);
        }
        Enrollments.Entry entry = enrollments.start(workspaceId, scenario, customerId, null, "campaign:" + campaignId,
                now);
        return new Outcome(entry.enrollmentId(), entry.refusal());
    }
}
