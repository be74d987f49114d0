package io.clientele.platform.openapi;

import io.clientele.platform.problem.ProblemErrorController;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's OpenAPI document declares bearer authentication and hides the {@link Actor}
 * parameter, which comes from the token and never from the request, and the {@code /error} page.
 * Its server is {@code /} (clientele.openapi.server-url): relative to wherever the document was read, so
 * "Try it out" in the gateway's Swagger UI goes through the gateway, and in a service's own straight to it;
 * springdoc would otherwise name the address the service saw the request on, which behind the gateway is the
 * service's internal one.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiAutoConfiguration {

    static {
        // /error is where the container forwards failures, not an operation a client calls
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class)
                .addHiddenRestControllers(ProblemErrorController.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI clienteleOpenApi(Environment environment) {
        String application = environment.getProperty("spring.application.name", "clientele");
        return new OpenAPI()
                .info(new Info().title("Clientele " + application)
                        .version(environment.getProperty("info.app.version", "v1"))
                        .description(environment.getProperty("clientele.openapi.description",
                                "Part of Clientele. Every error is an RFC 9457 problem document.")))
                .servers(List.of(new Server().url(environment.getProperty("clientele.openapi.server-url", "/"))
                        .description("Where this document was read: the gateway, or the service itself")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A token naming the workspace (claim workspace_id) and roles (claim roles)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
