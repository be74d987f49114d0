package io.clientele.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OpenApiAutoConfigurationTest {

    @Test
    void everyDocumentDeclaresTheBearerSchemeAndARelativeServerSoTryingCallsGoesThroughTheGateway() {
        OpenAPI document = new OpenApiAutoConfiguration()
                .clienteleOpenApi(new MockEnvironment().withProperty("spring.application.name", "customer-service"));

        assertThat(document.getInfo().getTitle()).isEqualTo("Clientele customer-service");
        assertThat(document.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(document.getSecurity()).singleElement().satisfies(requirement -> assertThat(requirement).containsKey("bearer"));
    }

    @Test
    void aDeploymentMayNameTheServerOutright() {
        OpenAPI document = new OpenApiAutoConfiguration().clienteleOpenApi(new MockEnvironment()
                .withProperty("clientele.openapi.server-url", "https://api.clientele.example"));

        assertThat(document.getServers().getFirst().getUrl()).isEqualTo("https://api.clientele.example");
    }
}
