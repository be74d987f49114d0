package io.clientele.orderlink;

import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for the quick-order flow, readable at the call site: a workspace with a catalog, customers
 * known from customer.events, and their links.
 */
public final class QuickOrderWorld {

    public final UUID workspace = UUID.randomUUID();
    public final Api staff;
    public final Api owner;
    private final CustomerEventsFeed feed;

    public QuickOrderWorld(int port, String bootstrap) {
        staff = Api.staff(port, workspace);
        owner = Api.owner(port, workspace);
        feed = new CustomerEventsFeed(bootstrap);
    }

    public CustomerEventsFeed feed() {
        return feed;
    }

    /** A customer customer-service announced, once this service knows them. */
    public UUID customer(String firstName, String language, String currency, double discount) {
        UUID customer = UUID.randomUUID();
        feed.created(workspace, customer, firstName, "Nováková", language, currency, discount);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> staff.get("/api/v1/customers/{c}/price-modifiers",
                customer).expectStatus().isOk());
        return customer;
    }

    public UUID product(String sku, String name, Map<String, Object> prices) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", name, "prices", prices));
        return UUID.fromString((String) staff.postJson("/api/v1/products", body).get("id"));
    }

    /** The customer's link: the token path {@code /q/<token>} as the customer opens it. */
    public String link(UUID customer) {
        Map<String, Object> link = staff.postJson("/api/v1/customers/{c}/quick-order-link", Map.of(), customer);
        return "/q/" + link.get("token");
    }

    public void close() {
        feed.close();
    }
}
