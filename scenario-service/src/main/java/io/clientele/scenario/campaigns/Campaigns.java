package io.clientele.scenario.campaigns;

import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.Problems;
import io.clientele.platform.security.Actor;
import io.clientele.scenario.campaigns.CampaignStore.Counts;
import io.clientele.scenario.campaigns.CampaignStore.Row;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import io.clientele.scenario.enrollments.CampaignEnrolment;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-3 campaigns: staff enrol a group or a filtered list of customers into a scenario. The request checks what it
 * can at once (the scenario, the body, and one small call to customer-service that finds an unknown group or a
 * refused filter) and answers 202; {@link CampaignRun} does the rest in the background, a page per transaction.
 */
@Service
class Campaigns {

    /**
     * @param expected the group's size when the campaign started (customer-service counts no filter: null then)
     * @param total    how many customers the campaign met, once DONE
     */
    record CampaignView(UUID id, UUID scenarioId, UUID groupId, JsonNode filter, String state, String reason,
            Integer expected, Integer total, int pages, int seen, int enrolled, int skipped, Map<String, Integer> skippedBy, int failed,
            String startedBy, Instant createdAt, Instant updatedAt, Instant finishedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignStore store;
    private final Scenarios scenarios;
    private final CampaignEnrolment enrolment;
    private final CustomerDirectory directory;
    private final Clock clock;
    private final Duration lease;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final MeterRegistry meters;

    Campaigns(CampaignStore store, Scenarios scenarios, CampaignEnrolment enrolment, CustomerDirectory directory,
            Clock clock, @Value("${clientele.scenario.campaigns.lease:PT2M}") Duration lease,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.store = store;
        this.scenarios = scenarios;
        this.enrolment = enrolment;
        this.directory = directory;
        this.clock = clock;
        this.lease = lease;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.meters = meters;
    }

    /** Checks the request and records the campaign, RUNNING under a new run token; the caller starts the run. */
    Row create(Actor actor, UUID scenarioId, CampaignSource source, String bearerToken) {
        enrollable(actor.workspaceId(), scenarioId);
        Integer expected = probe(source, bearerToken);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return transaction.execute(status -> {
            store.insert(actor.workspaceId(), id, scenarioId, source, expected, UUID.randomUUID(), now.plus(lease),
                    "staff:" + actor.subject(), now);
            return store.find(actor.workspaceId(), id).orElseThrow();
        });
    }

    /** An interrupted campaign goes on from its cursor under a new run token (and the caller's fresh token). */
    Row resume(Actor actor, UUID id) {
        Instant now = clock.instant();
        store.interruptAbandoned(now);
        Row row = store.find(actor.workspaceId(), id).orElseThrow(() -> new NotFoundException("campaign", id));
        switch (row.state()) {
            case "RUNNING" -> throw new ConflictException("campaign-running", "Campaign running",
                    "the campaign is running; only an interrupted one can be resumed");
            case "DONE" -> throw new ConflictException("campaign-done", "Campaign done", "the campaign is done");
            case "FAILED" -> throw new ConflictException("campaign-failed", "Campaign failed",
                    "the campaign failed (" + row.reason() + "); start a new one");
            default -> {
            }
        }
        enrollable(actor.workspaceId(), row.scenarioId());
        UUID runToken = UUID.randomUUID();
        if (!store.takeOver(actor.workspaceId(), id, runToken, now.plus(lease), now)) {
            throw new ConflictException("campaign-running", "Campaign running", "another request resumed it first");
        }
        return store.find(actor.workspaceId(), id).orElseThrow();
    }

    CampaignView view(UUID workspaceId, UUID id) {
        store.interruptAbandoned(clock.instant());
        return view(workspaceId, store.find(workspaceId, id).orElseThrow(() -> new NotFoundException("campaign", id)));
    }

    List<CampaignView> ofScenario(UUID workspaceId, UUID scenarioId) {
        scenarios.get(workspaceId, scenarioId);
        store.interruptAbandoned(clock.instant());
        return store.ofScenario(workspaceId, scenarioId).stream().map(row -> view(workspaceId, row)).toList();
    }

    CampaignView view(UUID workspaceId, Row row) {
        return new CampaignView(row.id(), row.scenarioId(), row.groupId(),
                row.filter() == null ? null : JSON.readTree(row.filter()), row.state(), row.reason(), row.expected(),
                row.state().equals("DONE") ? row.seen() : null, row.pages(), row.seen(), row.enrolled(), row.skipped(),
                store.skippedBy(workspaceId, row.id()), row.failed(), row.startedBy(), row.createdAt(),
                row.updatedAt(), row.finishedAt());
    }

    /**
     * One page of customers in one transaction, under the campaign's lock. A customer met before (the page read
     * again after a resume) is passed by; one that fails rolls back to its own savepoint and is counted, never its
     * neighbours.
     *
     * @return false when this run no longer holds the campaign (taken over, or stopped): it must end
     */
    boolean applyPage(UUID workspaceId, UUID id, UUID runToken, CustomerDirectory.Page page) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Instant now = clock.instant();
            Row row = store.lock(workspaceId, id).orElse(null);
            if (row == null || !row.state().equals("RUNNING") || !runToken.equals(row.runToken())) {
                return false;
            }
            ScenarioVersion scenario = scenarios.current(workspaceId, row.scenarioId());
            if (!scenario.active()) {
                store.stop(workspaceId, id, runToken, "INTERRUPTED", "the scenario was paused; activate it and resume"
                        + " the campaign", now);
                return false;
            }
            int enrolled = 0;
            int skipped = 0;
            int failed = 0;
            for (UUID customerId : page.customerIds()) {
                if (!store.firstMeeting(workspaceId, id, customerId)) {
                    continue;
                }
                String outcome = enrolOne(workspaceId, id, scenario, customerId, now);
                switch (outcome) {
                    case "ENROLLED" -> enrolled++;
                    case "SKIPPED" -> skipped++;
                    default -> failed++;
                }
                meters.counter("clientele.scenario.campaign.customers", "outcome", outcome).increment();
            }
            store.pageDone(workspaceId, id, page.nextCursor() == null ? row.cursor() : page.nextCursor(),
                    new Counts(enrolled + skipped + failed, enrolled, skipped, failed), now.plus(lease),
                    page.nextCursor() == null, now);
            return true;
        }));
    }

    private String enrolOne(UUID workspaceId, UUID campaignId, ScenarioVersion scenario, UUID customerId,
            Instant now) {
        try {
            CampaignEnrolment.Outcome outcome = savepoint.execute(status ->
                    enrolment.enrol(workspaceId, scenario, customerId, campaignId, now));
            String result = outcome.enrollmentId() != null ? "ENROLLED" : "SKIPPED";
            store.outcome(workspaceId, campaignId, customerId, result, outcome.skipped(), outcome.enrollmentId());
            return result;
        } catch (RuntimeException failure) {
            store.outcome(workspaceId, campaignId, customerId, "FAILED", failure.getClass().getSimpleName(), null);
            return "FAILED";
        }
    }

    /** Ends the run holding the token with a reason (a fenced-out run changes nothing). */
    void stop(UUID workspaceId, UUID id, UUID runToken, String state, String reason) {
        transaction.executeWithoutResult(status -> store.stop(workspaceId, id, runToken, state, reason,
                clock.instant()));
    }

    private void enrollable(UUID workspaceId, UUID scenarioId) {
        ScenarioVersion scenario = scenarios.current(workspaceId, scenarioId);
        if (!scenario.active()) {
            throw new ConflictException("scenario-paused", "Scenario paused",
                    "the scenario is paused: activate it first");
        }
        if (scenario.definition().trigger().aboutAReservation()) {
            throw new ConflictException("campaign-not-possible", "Not a scenario for campaigns", "the scenario is"
                    + " about a reservation (" + scenario.definition().trigger() + "); a campaign enrols customers");
        }
    }

    /**
     * One small call, so that a wrong group or filter is answered now rather than found in the background: the
     * group itself (its size is the campaign's expected total), or one customer of the filtered list.
     */
    private Integer probe(CampaignSource source, String bearerToken) {
        try {
            if (source.groupId() != null) {
                return directory.groupSize(source.groupId(), bearerToken);
            }
            directory.page(source, null, 1, bearerToken);
            return null;
        } catch (CustomerDirectory.Unavailable down) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "customer-service-unavailable",
                    "customer-service unavailable", down.getMessage() + "; try again later", null);
        } catch (CustomerDirectory.Refused refused) {
            if (refused.status == 404 && source.groupId() != null) {
                throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-group", "Unknown group",
                        "customer-service knows no group " + source.groupId() + " in this workspace", "groupId");
            }
            if (refused.status == 401 || refused.status == 403) {
                throw problem(HttpStatus.FORBIDDEN, "customer-service-refused", "customer-service refused",
                        "customer-service refused the caller: " + refused.getMessage(), null);
            }
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "filter-refused", "customer-service refused the filter",
                    refused.getMessage(), source.groupId() != null ? "groupId" : "filter");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail,
            String field) {
        ErrorResponseException problem = new ErrorResponseException(status, Problems.of(status, slug, title, detail),
                null);
        if (field != null) {
            problem.getBody().setProperty("errors", List.of(new io.clientele.platform.problem.FieldViolation(field,
                    slug, detail)));
        }
        return problem;
    }
}
