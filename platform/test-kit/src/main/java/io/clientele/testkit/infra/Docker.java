package io.clientele.testkit.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can be used here. {@code CRM_DOCKER=false} forces the embedded default. */
final class Docker {

    private static final Logger log = LoggerFactory.getLogger(Docker.class);
    private static Boolean available;

    private Docker() {
    }

    static synchronized boolean available() {
        if (available == null) {
            String setting = System.getenv("CRM_DOCKER");
            if (setting != null && !setting.isBlank()) {
                available = Boolean.parseBoolean(setting);
            } else {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError noDocker) {
                    available = false;
                }
            }
            log.info("Docker {}: {}", available ? "available" : "not available",
                    available ? "infrastructure from Testcontainers" : "embedded infrastructure");
        }
        return available;
    }
}
