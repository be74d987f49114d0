package io.clientele.platform.input;

import io.clientele.platform.problem.ProblemDetailsAutoConfiguration;
import io.clientele.platform.problem.ProblemWriter;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every servlet service does with input before a controller sees it, so that no request a client
 * could have got right ends in a 500 and every refusal is a problem document: the request envelope
 * (query encoding, Content-Type), enum parameters, multipart bodies, and Tomcat's own error pages.
 */
@AutoConfiguration(before = MultipartAutoConfiguration.class, after = ProblemDetailsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(MalformedMultipartAdvice.class)
public class RequestInputAutoConfiguration {

    /** Before Spring Security's filters (order -100) and everything else that might read a parameter. */
    static final int ENVELOPE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<RequestEnvelopeFilter> requestEnvelopeFilter(ProblemWriter problems) {
        FilterRegistrationBean<RequestEnvelopeFilter> registration =
                new FilterRegistrationBean<>(new RequestEnvelopeFilter(problems));
        registration.setOrder(ENVELOPE_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    WebMvcConfigurer emptyEnumParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EmptyEnumParameters());
            }
        };
    }

    /** The name the DispatcherServlet looks the resolver up by; Spring Boot's then stands back. */
    @Bean(name = "multipartResolver")
    StrictMultipartResolver multipartResolver() {
        return new StrictMultipartResolver();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorPages {

        @Bean
        ProblemReportValveCustomizer problemReportValveCustomizer() {
            return new ProblemReportValveCustomizer();
        }
    }
}
