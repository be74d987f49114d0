package io.clientele.gateway;

import io.clientele.testkit.fuzz.ApiFuzz;
import io.clientele.testkit.fuzz.ApiOperation;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13: the gateway's operations (every route it has, with each method, and the GDPR export and customer
 * overview it answers itself) swept with the services' fuzz cases. The services behind it are stand-ins answering 200, so whatever
 * error comes back is the gateway's own: none may be a 5xx, each must be a problem document.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzIT {

    static final RecordingUpstream services = RecordingUpstream.answering(200, "{\"answeredBy\":\"a service\"}");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a body of a routed operation is, to the gateway: JSON it relays unread. */
    static final JsonNode BODY = JSON.readTree("""
            {"type": "object", "properties": {"name": {"type": "string"}, "count": {"type": "integer"},
             "active": {"type": "boolean"}, "at": {"type": "string", "format": "date-time"}}}""");

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", services::url);
        properties.add("clientele.services.communication-url", services::url);
        properties.add("clientele.services.order-link-url", services::url);
        properties.add("clientele.services.scenario-url", services::url);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    GatewayProperties gateway;

    @Test
    void noGeneratedRequestMakesTheGatewayFailOrAnswerAnErrorThatIsNotAProblemDocument() {
        // many routes, each with four methods: fewer cases each keep the sweep within its minute
        ApiFuzz.of("gateway", port).bearer(TestTokens.mint(UUID.randomUUID(), "fuzz", "OWNER", "STAFF", "PARTNER"))
                .casesPerOperation(15)
                .sweep(operations());
    }

    /** Each route's paths with each method, the export and the overview. */
    private List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        operations.add(new ApiOperation("GET", "/api/v1/customers/{id}/export",
                List.of(pathParameter("id")), null, false));
        operations.add(new ApiOperation("GET", "/api/v1/customers/{id}/overview",
                List.of(pathParameter("id")), null, false));
        gateway.getRoutes().forEach(route -> route.getPredicates().stream()
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .forEach(pattern -> {
                    String path = pattern.replace("/**", "/fuzz");
                    List<ApiOperation.Parameter> parameters = new ArrayList<>();
                    Matcher variables = VARIABLE.matcher(path);
                    while (variables.find()) {
                        parameters.add(pathParameter(variables.group(1)));
                    }
                    for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                        ApiOperation.Body body = method.startsWith("P") ? new ApiOperation.Body("application/json", BODY)
                                : null;
                        operations.add(new ApiOperation(method, path, List.copyOf(parameters), body, false));
                    }
                }));
        return operations;
    }

    private static ApiOperation.Parameter pathParameter(String name) {
        return new ApiOperation.Parameter(name, "path", true, JSON.readTree("{\"type\": \"string\"}"));
    }
}
