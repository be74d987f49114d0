package io.clientele.gateway.overview;

import io.clientele.gateway.composition.PartRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * G-5: where the parts of the customer overview come from, {@code clientele.overview.*}. Adding a part is one
 * entry under {@code parts}.
 *
 * @param partTimeout how long each part may take unless its entry says otherwise
 * @param deadline    the longest the whole overview may take: no part is waited for past it, so the answer
 *                    comes by then with what has arrived
 * @param maxPartSize the largest answer read for one part (an overview part is a page, not a history)
 * @param parts       in the order they appear in the document; at most one {@code decides-existence} (the
 *                    customer's record: its 404 or 410 is the answer)
 */
@ConfigurationProperties("clientele.overview")
record OverviewProperties(Duration partTimeout, Duration deadline, DataSize maxPartSize, List<PartRequest> parts) {

    OverviewProperties {
        partTimeout = partTimeout == null ? Duration.ofMillis(800) : partTimeout;
        deadline = deadline == null ? Duration.ofMillis(1500) : deadline;
        maxPartSize = maxPartSize == null ? DataSize.ofMegabytes(1) : maxPartSize;
        parts = PartRequest.checked("clientele.overview.parts", parts);
    }

    /** The part's own timeout or the common one, never past the deadline. */
    Duration timeoutOf(PartRequest part) {
        Duration own = part.timeoutOr(partTimeout);
        return own.compareTo(deadline) > 0 ? deadline : own;
    }
}
