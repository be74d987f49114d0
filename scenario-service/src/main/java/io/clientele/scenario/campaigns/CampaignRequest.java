package io.clientele.scenario.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of a campaign, as the OpenAPI document shows it (the controller reads the JSON itself with
 * {@link CampaignSource}, so that a wrong type is named field by field rather than failing the whole body).
 */
@Schema(description = "Exactly one of groupId and filter")
record CampaignRequest(
        @Schema(description = "A customer-service group (GET /api/v1/groups)") UUID groupId,
        @Schema(description = "The customer list's filters, same names and values as its query parameters; {} is"
                + " everyone") Filter filter) {

    @Schema(description = "Filters of GET /api/v1/customers (not the text search q); list filters match any value")
    record Filter(
            @Schema(example = "[\"REGULAR\"]") List<String> status,
            List<String> stage,
            List<String> temperature,
            @Schema(description = "SUBSCRIBED, UNSUBSCRIBED or MUTED") List<String> subscription,
            List<String> source,
            Boolean muted,
            Boolean synced,
            Boolean hasUpcomingReservation,
            @Schema(description = "A customer-service group") UUID group,
            @Schema(description = "Created at or after") Instant createdFrom,
            @Schema(description = "Created before") Instant createdTo) {
    }
}
