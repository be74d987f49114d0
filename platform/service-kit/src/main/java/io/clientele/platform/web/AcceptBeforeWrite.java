package io.clientele.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Content negotiation before any write: a POST, PUT, PATCH or DELETE whose {@code Accept} the operation
 * cannot answer in is refused with 406 before its handler runs. Spring MVC negotiates only when it writes
 * the answer, that is after the handler has committed its change, so the client heard "406" about a write
 * that happened (issue 13, item 9). Here the operation's producible types are worked out the way MVC will
 * work them out (the mapping's {@code produces}, else what the message converters can write for the
 * handler's return type), once per handler method.
 * <p>
 * Operations that answer without a body (void, {@code ResponseEntity<Void>}) accept any {@code Accept}.
 */
public class AcceptBeforeWrite implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Supplier<ContentNegotiationManager> negotiation;
    private final Supplier<List<HttpMessageConverter<?>>> converters;
    private final Map<Method, List<MediaType>> producibleByMethod = new ConcurrentHashMap<>();

    /**
     * @param negotiation how MVC reads what the client accepts, and
     * @param converters  the converters MVC writes answers with: both looked up on first use, as they are
     *                    configured after the interceptors
     */
    public AcceptBeforeWrite(Supplier<ContentNegotiationManager> negotiation,
            Supplier<List<HttpMessageConverter<?>>> converters) {
        this.negotiation = negotiation;
        this.converters = converters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || SAFE.contains(request.getMethod())) {
            return true;
        }
        // Throws 406 itself for an Accept header that cannot be parsed.
        List<MediaType> acceptable = negotiation.get().resolveMediaTypes(new ServletWebRequest(request));
        if (acceptable.isEmpty() || acceptable.contains(MediaType.ALL)) {
            return true;
        }
        List<MediaType> producible = producible(request, method);
        if (producible.isEmpty()) {
            return true;
        }
        for (MediaType wanted : acceptable) {
            for (MediaType offered : producible) {
                if (wanted.isCompatibleWith(offered)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    private List<MediaType> producible(HttpServletRequest request, HandlerMethod method) {
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Collection<?> declared
                && !declared.isEmpty()) {
            return declared.stream().map(MediaType.class::cast).toList();
        }
        return producibleByMethod.computeIfAbsent(method.getMethod(), ignored -> writable(method));
    }

    /** What the converters can write for the handler's answer; empty when it has no body or is not written by them. */
    private List<MediaType> writable(HandlerMethod method) {
        ResolvableType returned = ResolvableType.forMethodReturnType(method.getMethod());
        boolean entity = HttpEntity.class.isAssignableFrom(returned.toClass());
        boolean body = entity || method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
        if (!body) {
            return List.of();
        }
        if (entity) {
            returned = returned.as(HttpEntity.class).getGeneric(0);
        }
        if (Optional.class.equals(returned.toClass())) {
            returned = returned.getGeneric(0);
        }
        Class<?> type = returned.resolve(Object.class);
        if (type == void.class || type == Void.class) {
            return List.of();
        }
        List<MediaType> types = new ArrayList<>();
        for (HttpMessageConverter<?> converter : converters.get()) {
            if (converter.canWrite(type, null)) {
                types.addAll(converter.getSupportedMediaTypes(type));
            }
        }
        return List.copyOf(types);
    }
}
