package io.clientele.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * G-4: the gateway's own OpenAPI document (what it answers itself: the GDPR export, the customer overview),
 * one of the documents its Swagger UI lists next to the services'. The same bearer scheme and server as the
 * services' documents (service-kit's OpenApiAutoConfiguration, which the gateway, not a servlet service,
 * does not use), so "Authorize" once works for all of them.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocument {

    @Bean
    OpenAPI gatewayOpenApi(Environment environment) {
        return new OpenAPI()
                .info(new Info().title("Clientele gateway").version(environment.getProperty("info.app.version", "v1"))
                        .description("What the gateway answers itself, composed from the services' APIs with the "
                                + "caller's token. Every other API is a service's, listed in the top bar."))
                .servers(List.of(new Server().url("/").description("The gateway that served this page")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A token naming the workspace (claim workspace_id) and roles (claim roles)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
