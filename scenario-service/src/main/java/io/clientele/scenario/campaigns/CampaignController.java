package io.clientele.scenario.campaigns;

import io.clientele.platform.security.Actor;
import io.clientele.scenario.campaigns.CampaignStore.Row;
import io.clientele.scenario.campaigns.Campaigns.CampaignView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** S-3: staff enrol a group or a filtered list of customers into a scenario at once, and follow its progress. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Campaigns", description = "Enrol a group or a filter of customers into a scenario (S-3)")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignRun run;

    CampaignController(Campaigns campaigns, CampaignRun run) {
        this.campaigns = campaigns;
        this.run = run;
    }

    @PostMapping("/api/v1/scenarios/{id}/campaigns")
    @Operation(summary = "Start a campaign: 202 and the progress resource in Location",
            description = "Body {\"groupId\": \"…\"} (a customer-service group) or {\"filter\": {…}} (the customer"
                    + " list's filters, same names and values as its query parameters, without the text search q;"
                    + " {} is everyone). The customers are read from customer-service with the caller's token, 200 a"
                    + " page, and enrolled a page per transaction in the background; the entry rules apply, and a"
                    + " customer already in the scenario is skipped. 422 for an unknown group or a filter"
                    + " customer-service refuses, 409 for a paused scenario or one about a reservation, 503 when"
                    + " customer-service is unavailable.")
    @ApiResponse(responseCode = "202", description = "Started; Location names its progress resource")
    ResponseEntity<CampaignView> start(Actor actor, @PathVariable UUID id, @io.swagger.v3.oas.annotations.parameters
            .RequestBody(content = @Content(schema = @Schema(implementation = CampaignRequest.class))) @RequestBody
            JsonNode body) {
        CampaignSource source = CampaignSource.read(body);
        String token = callerToken();
        Row campaign = campaigns.create(actor, id, source, token);
        run.start(actor.workspaceId(), campaign, token);
        return ResponseEntity.accepted().location(URI.create("/api/v1/campaigns/" + campaign.id()))
                .body(campaigns.view(actor.workspaceId(), campaign));
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @Operation(summary = "A campaign's progress", description = "state RUNNING, DONE, FAILED or INTERRUPTED (with"
            + " the reason), customers seen, enrolled, skipped (by reason) and failed; total once DONE.")
    CampaignView progress(Actor actor, @PathVariable UUID id) {
        return campaigns.view(actor.workspaceId(), id);
    }

    @GetMapping("/api/v1/scenarios/{id}/campaigns")
    @Operation(summary = "The scenario's campaigns, newest first")
    List<CampaignView> ofScenario(Actor actor, @PathVariable UUID id) {
        return campaigns.ofScenario(actor.workspaceId(), id);
    }

    @PostMapping("/api/v1/campaigns/{id}/resume")
    @Operation(summary = "Resume an interrupted campaign with the caller's (fresh) token: 202",
            description = "It goes on from the last page it finished; customers it met before are not enrolled"
                    + " again. 409 unless the campaign is INTERRUPTED.")
    @ApiResponse(responseCode = "202", description = "Resumed; it goes on in the background")
    ResponseEntity<CampaignView> resume(Actor actor, @PathVariable UUID id) {
        Row campaign = campaigns.resume(actor, id);
        run.start(actor.workspaceId(), campaign, callerToken());
        return ResponseEntity.accepted().location(URI.create("/api/v1/campaigns/" + campaign.id()))
                .body(campaigns.view(actor.workspaceId(), campaign));
    }

    /** The bearer token the caller came with: passed to customer-service as is, held in memory only. */
    private static String callerToken() {
        return ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken()
                .getTokenValue();
    }
}
