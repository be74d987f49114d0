package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class CustomerListController {

    private final CustomerSearch search;

    CustomerListController(CustomerSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/customers")
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "List and search customers (C-4)", description = "Substring search over names, e-mail "
            + "and phone digits, case- and accent-insensitive; a phone number is found however it is typed (with "
            + "+ or 00 and the country code, or nationally in the workspace's default country); filters combine "
            + "with AND, repeated values of one filter with OR; names sort in the workspace's language; keyset "
            + "pages: follow nextCursor.")
    CustomerSearch.Page list(Actor actor,
            @Parameter(description = "e.g. 'novak', 'jana@', '777 123', '00420 777 123 456'") @RequestParam(required = false) String q,
            @RequestParam(required = false) Set<LifecycleStatus> status,
            @RequestParam(required = false) Set<SalesStage> stage,
            @RequestParam(required = false) Set<Temperature> temperature,
            @Parameter(description = "The list's subscription column: SUBSCRIBED, UNSUBSCRIBED or MUTED")
            @RequestParam(required = false) Set<ContactState> subscription,
            @RequestParam(required = false) Boolean muted,
            @RequestParam(required = false) UUID group,
            @RequestParam(required = false) Set<CustomerSource> source,
            @RequestParam(required = false) Boolean synced,
            @Parameter(description = "Created at or after (ISO 8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
            @Parameter(description = "Created before (ISO 8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
            @Parameter(description = "Whether a partner reported a booked reservation still ahead")
            @RequestParam(required = false) Boolean hasUpcomingReservation,
            @Parameter(description = "name, email, phone, subscription, status, lastNote, discount, createdAt or "
                    + "updatedAt; optionally ,asc or ,desc")
            @RequestParam(required = false) String sort,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        // An empty item in a list filter (status=,, or temperature=) is refused where every service's enum
        // parameters are converted (service-kit), before this method runs.
        CustomerFilter filter = new CustomerFilter(q, status, stage, temperature, subscription, muted, group, source,
                synced, createdFrom, createdTo, hasUpcomingReservation);
        return search.search(actor.workspaceId(), filter, sort, limit, cursor);
    }
}
