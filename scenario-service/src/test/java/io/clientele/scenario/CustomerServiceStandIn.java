package io.clientele.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * customer-service as campaigns meet it: a real HTTP server answering its group-members and customer-list pages
 * (keyset: the cursor is the position, opaque to the caller) for the workspace named in the caller's token, with
 * the ids a test gave it. It records every call (path, query, token), can play down (503) and can hold a page back
 * until a test lets it go, which is how a test catches a campaign in the middle.
 */
public final class CustomerServiceStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Call(String path, String query, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, List<UUID>> groups = new ConcurrentHashMap<>();
    private final Map<String, List<UUID>> filtered = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> expired = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    private volatile int holdFromCursor = -1;
    private volatile CountDownLatch release = new CountDownLatch(0);

    public CustomerServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The group's members in the workspace (an unknown group is a 404, as customer-service says). */
    public void group(UUID workspace, UUID group, List<UUID> members) {
        groups.put(workspace + "/" + group, List.copyOf(members));
    }

    /** Whom the customer list shows in the workspace for any filter (the filter is recorded, not applied). */
    public void list(UUID workspace, List<UUID> customers) {
        filtered.put(workspace.toString(), List.copyOf(customers));
    }

    /** The group is deleted: its pages answer 404 from now on. */
    public void deleteGroup(UUID workspace, UUID group) {
        groups.remove(workspace + "/" + group);
    }

    /** This token expired: customer-service answers 401 to it from now on. */
    public void expire(String token) {
        expired.add("Bearer " + token);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Pages from this position on wait until {@link #letGo()}. */
    public void holdFrom(int position) {
        release = new CountDownLatch(1);
        holdFromCursor = position;
    }

    public void letGo() {
        holdFromCursor = -1;
        release.countDown();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call(path, query, authorization));
        Map<String, String> parameters = parameters(query);
        int from = parameters.containsKey("cursor") ? Integer.parseInt(parameters.get("cursor")) : 0;
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "50"));
        if (holdFromCursor >= 0 && from >= holdFromCursor) {
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
        if (expired.contains(authorization)) {
            respond(exchange, 401, "{\"status\":401,\"detail\":\"The token expired\"}");
            return;
        }
        if (down) {
            respond(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
            return;
        }
        String workspace = workspaceOf(authorization);
        List<UUID> all;
        if (path.equals("/api/v1/customers")) {
            all = filtered.getOrDefault(workspace, List.of());
            if (parameters.containsKey("status") && !java.util.Arrays.stream(parameters.get("status").split(","))
                    .allMatch(java.util.Set.of("NEW", "REGULAR", "PROBLEMATIC", "BLOCKED")::contains)) {
                respond(exchange, 400, "{\"status\":400,\"detail\":\"status: not a lifecycle status\"}");
                return;
            }
        } else if (path.matches("/api/v1/groups/[^/]+")) {
            List<UUID> members = groups.get(workspace + "/" + path.split("/")[4]);
            if (members == null) {
                respond(exchange, 404, "{\"status\":404,\"detail\":\"No group\"}");
            } else {
                respond(exchange, 200, "{\"id\":\"" + path.split("/")[4] + "\",\"name\":\"stand-in\",\"members\":"
                        + members.size() + "}");
            }
            return;
        } else if (path.matches("/api/v1/groups/[^/]+/members")) {
            all = groups.get(workspace + "/" + path.split("/")[4]);
            if (all == null) {
                respond(exchange, 404, "{\"status\":404,\"detail\":\"No group\"}");
                return;
            }
        } else {
            respond(exchange, 404, "{\"status\":404}");
            return;
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        int to = Math.min(all.size(), from + limit);
        for (UUID id : all.subList(Math.min(from, to), to)) {
            items.addObject().put("id", id.toString()).put("displayName", "stand-in");
        }
        if (to < all.size()) {
            page.put("nextCursor", Integer.toString(to));
        } else {
            page.putNull("nextCursor");
        }
        page.put("limit", limit);
        respond(exchange, 200, JSON.writeValueAsString(page));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new ConcurrentHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.merge(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> a + "," + b);
            }
        }
        return parameters;
    }

    /** The workspace claim of the bearer token (its signature is customer-service's to check, not this stand-in's). */
    private static String workspaceOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String[] parts = authorization.substring(7).split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("workspace_id").asString("");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException callerGone) {
            // a campaign stopped waiting (timeout): nothing to tell it
        }
    }

    @Override
    public void close() {
        letGo();
        server.stop(0);
    }

    /** One stand-in for the shared application context, its address given to the service before it starts. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(destroyMethod = "close")
        CustomerServiceStandIn customerServiceStandIn() {
            return new CustomerServiceStandIn();
        }

        @Bean
        DynamicPropertyRegistrar customerServiceUrl(CustomerServiceStandIn standIn) {
            return registry -> registry.add("clientele.scenario.customer-service.url", standIn::url);
        }
    }

    public static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

}
