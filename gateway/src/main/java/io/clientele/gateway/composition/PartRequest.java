package io.clientele.gateway.composition;

import java.time.Duration;
import java.util.List;

/**
 * One service's answer that a composed document (the GDPR export, the customer overview) is made of: where
 * to ask, and how to take the answer. Bound from configuration, so adding a part is one entry.
 *
 * @param name             the part's key in the document
 * @param service          the service that answers it, named to the caller when it is missing (the name when unset)
 * @param url              the endpoint, {@code {id}} standing for the customer id
 * @param decidesExistence whether this service's 4xx (404 no such customer, 410 erased, 400 not an id) is the
 *                         answer to the whole request: customer-service's record; any other part's refusal only
 *                         leaves that part out
 * @param select           a JSON pointer into the answer when the part is only a piece of it ({@code /items}),
 *                         the whole answer when unset
 * @param timeout          how long this part may take, when it should differ from the document's own setting
 */
public record PartRequest(String name, String service, String url, boolean decidesExistence, String select,
        Duration timeout) {

    public PartRequest {
        if (name == null || name.isBlank() || url == null || !url.contains("{id}")) {
            throw new IllegalArgumentException("Each part needs a name and a url with {id}");
        }
        service = service == null || service.isBlank() ? name : service;
        if (select != null && !select.isEmpty() && !select.startsWith("/")) {
            throw new IllegalArgumentException("Part " + name + ": select must be a JSON pointer (/items), not " + select);
        }
        select = select == null || select.isEmpty() ? null : select;
    }

    /** This part's own timeout, or the document's. */
    public Duration timeoutOr(Duration documentTimeout) {
        return timeout == null ? documentTimeout : timeout;
    }

    /**
     * The parts of one document as configured under {@code property}: a copy, each name once (the names are the
     * document's keys), and at most one deciding whether the customer exists.
     */
    public static List<PartRequest> checked(String property, List<PartRequest> parts) {
        List<PartRequest> checked = parts == null ? List.of() : List.copyOf(parts);
        if (checked.stream().map(PartRequest::name).distinct().count() != checked.size()) {
            throw new IllegalArgumentException(property + ": two parts have the same name");
        }
        if (checked.stream().filter(PartRequest::decidesExistence).count() > 1) {
            throw new IllegalArgumentException(property + ": only one part can decide whether the customer exists");
        }
        return checked;
    }
}
