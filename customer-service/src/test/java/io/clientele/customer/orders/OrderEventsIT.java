package io.clientele.customer.orders;

import static io.clientele.customer.CustomerMother.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.platform.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * order-link-service's order.events as customer-service follows them: timeline entries (C-10) and the
 * overview's orders and turnover per currency (C-13). The events are the contract's samples with this
 * test's ids, published to Kafka.
 */
@CustomerServiceIT
class OrderEventsIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void ordersFeedTheTimelineAndTurnoverPerCurrencyWithoutCancelledOnes() {
        UUID customer = staff.create(aCustomer());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        ObjectNode placedFirst = placed(customer, first, 1, "CZK", "2721.00");

        publish(placedFirst);
        publish(placedFirst);
        publish(placed(customer, second, 2, "CZK", "100.50"));
        publish(placed(customer, third, 3, "EUR", "40.00"));
        publish(moved(customer, second, 2, "CZK", "100.50", "NEW", "CANCELLED", Instant.now()));
        publish(moved(customer, first, 1, "CZK", "2721.00", "NEW", "CONFIRMED", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "ORDER_STATUS_CHANGED").size() == 2);
        assertThat(timeline(customer, "ORDER_PLACED")).hasSize(3).anySatisfy(entry -> assertThat((String) entry.get("title"))
                .isEqualTo("Order #1 placed through the quick-order link: 2721.00 CZK (2 products)"));
        assertThat(timeline(customer, "ORDER_STATUS_CHANGED")).extracting(entry -> entry.get("title"))
                .contains("Order #2 cancelled", "Order #1 confirmed");
        Map<String, Object> overview = staff.json("/api/v1/customers/{id}/overview", customer);
        assertThat(overview.get("orders")).isEqualTo(Map.of("placed", 3, "cancelled", 1, "turnover", List.of(
                Map.of("currency", "CZK", "amount", 2721.00), Map.of("currency", "EUR", "amount", 40.00))));
    }

    @Test
    void aLateEarlierStatusNeverUndoesALaterOne() {
        UUID customer = staff.create(aCustomer());
        UUID order = UUID.randomUUID();
        Instant now = Instant.now();
        publish(placed(customer, order, 7, "EUR", "10.00"));
        publish(moved(customer, order, 7, "EUR", "10.00", "CONFIRMED", "CANCELLED", now));
        publish(moved(customer, order, 7, "EUR", "10.00", "NEW", "CONFIRMED", now.minusSeconds(60)));

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "ORDER_STATUS_CHANGED").size() == 2);
        Map<String, Object> overview = staff.json("/api/v1/customers/{id}/overview", customer);
        assertThat(overview.get("orders")).isEqualTo(Map.of("placed", 1, "cancelled", 1, "turnover", List.of()));
    }

    @Test
    void anErasedCustomersOrdersLeaveNoRowBehind() {
        UUID customer = staff.create(aCustomer());
        publish(placed(customer, UUID.randomUUID(), 1, "CZK", "5.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "ORDER_PLACED").size() == 1);

        staff.delete("/api/v1/customers/{id}", customer).expectStatus().is2xxSuccessful();
        publish(placed(customer, UUID.randomUUID(), 2, "CZK", "6.00"));
        UUID other = staff.create(aCustomer());
        publish(placed(other, UUID.randomUUID(), 3, "CZK", "7.00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(other, "ORDER_PLACED").size() == 1);
        assertThat(staff.json("/api/v1/customers/{id}/overview", other).get("orders"))
                .isEqualTo(Map.of("placed", 1, "cancelled", 0, "turnover", List.of(Map.of("currency", "CZK", "amount", 7.00))));
    }

    private ObjectNode placed(UUID customer, UUID order, long number, String currency, String total) {
        ObjectNode event = sample("order.placed.v1", customer);
        ((ObjectNode) event.get("data")).put("orderId", order.toString()).put("number", number).put("currency", currency)
                .put("total", total);
        return event;
    }

    private ObjectNode moved(UUID customer, UUID order, long number, String currency, String total, String from,
            String to, Instant at) {
        ObjectNode event = sample("order.status-changed.v1", customer);
        ((ObjectNode) event.get("data")).put("orderId", order.toString()).put("number", number).put("currency", currency)
                .put("total", total).put("from", from).put("to", to).put("changedAt", at.toString());
        return event;
    }

    private ObjectNode sample(String type, UUID customer) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString()).put("subject", customer.toString())
                .put("workspaceid", workspace.toString());
        ((ObjectNode) event.get("data")).put("customerId", customer.toString());
        assertThat(EventContracts.violations(event.toString())).isEmpty();
        return event;
    }

    private void publish(ObjectNode event) {
        try {
            producer.send(new ProducerRecord<>(OrderEventsConsumer.TOPIC, event.get("subject").asString(),
                    event.toString())).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(UUID customer, String type) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline?type={type}&limit=100", customer,
                type).get("past");
    }
}
