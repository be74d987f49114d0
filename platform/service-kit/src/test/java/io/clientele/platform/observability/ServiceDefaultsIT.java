package io.clientele.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.kit.KitIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@KitIntegrationTest
class ServiceDefaultsIT {

    @Test
    void kafkaClientsLogTheirWarningsAndErrorsOnly() {
        // While a broker is unreachable, the admin clients alone logged thousands of INFO lines a minute.
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.admin.internals.AdminMetadataManager")
                .isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isWarnEnabled()).isTrue();
        // Spring Kafka's own lines (partitions assigned and revoked) are what operators read: they stay.
        assertThat(LoggerFactory.getLogger("org.springframework.kafka.listener.KafkaMessageListenerContainer")
                .isInfoEnabled()).isTrue();
    }
}
