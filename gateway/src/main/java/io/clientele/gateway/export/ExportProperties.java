package io.clientele.gateway.export;

import io.clientele.gateway.composition.PartRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * C-12: where the parts of a customer's GDPR export come from, {@code clientele.export.*}. Adding a service's
 * part is one entry under {@code parts}.
 *
 * @param timeout     how long each part may take; a part that takes longer makes the export unavailable
 * @param retryAfter  what the 503 tells the caller to wait before trying again
 * @param maxPartSize the largest part read (a customer with years of messages is megabytes)
 * @param parts       in the order they appear in the document; customer-service's {@code decides-existence}: its
 *                    404, 410 or 400 is the answer, any other service's refusal makes the export unavailable
 */
@ConfigurationProperties("clientele.export")
public record ExportProperties(Duration timeout, Duration retryAfter, DataSize maxPartSize, List<PartRequest> parts) {

    public ExportProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        maxPartSize = maxPartSize == null ? DataSize.ofMegabytes(64) : maxPartSize;
        parts = PartRequest.checked("clientele.export.parts", parts);
    }
}
