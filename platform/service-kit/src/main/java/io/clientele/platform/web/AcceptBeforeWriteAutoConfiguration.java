package io.clientele.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** Registers {@link AcceptBeforeWrite} for every handler of every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AcceptBeforeWriteAutoConfiguration {

    @Bean
    WebMvcConfigurer acceptBeforeWriteConfigurer(ObjectProvider<ContentNegotiationManager> negotiation,
            ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptBeforeWrite(negotiation::getObject,
                        () -> adapter.getObject().getMessageConverters()));
            }
        };
    }
}
