package io.clientele.platform.input;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an enum request parameter that names nothing: {@code type=}, {@code status=,,,},
 * {@code status=NEW,,BLOCKED}, blanks. Spring's binding reads an empty enum as "no value" and an empty
 * item of a list as a null element (even when a converter refuses it, its fallback does so), which a
 * controller took for "no filter" or tripped over as a NullPointerException. Checked here, before any
 * controller of any service runs, each such parameter is a 400 naming it. A NUL never gets this far (the
 * envelope filter refuses it).
 */
class EmptyEnumParameters implements HandlerInterceptor {

    static final String MESSAGE = "holds an empty value; name a value (several separated by commas) or leave"
            + " the parameter out";

    /** An enum parameter of a handler: its request name, and whether it takes a comma-separated list. */
    private record EnumParameter(String name, boolean list) {
    }

    private final Map<Method, List<EnumParameter>> byHandler = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (EnumParameter parameter : byHandler.computeIfAbsent(method.getMethod(), key -> enumParameters(method))) {
            String[] values = request.getParameterValues(parameter.name());
            if (values != null && Arrays.stream(values).anyMatch(value -> isEmpty(value, parameter.list()))) {
                violations.add(new FieldViolation(parameter.name(), "empty", MESSAGE));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return true;
    }

    private static boolean isEmpty(String value, boolean list) {
        if (!list) {
            return value.trim().isEmpty();
        }
        for (String item : value.split(",", -1)) {
            if (item.trim().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<EnumParameter> enumParameters(HandlerMethod method) {
        List<EnumParameter> found = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            // with a default value, Spring reads an empty value as that default: nothing goes missing
            if (annotation == null || !ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue())) {
                continue;
            }
            String name = !annotation.name().isEmpty() ? annotation.name()
                    : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
            ResolvableType type = ResolvableType.forMethodParameter(parameter);
            Class<?> raw = type.resolve(Object.class);
            boolean list = Collection.class.isAssignableFrom(raw) || raw.isArray();
            Class<?> element = raw.isArray() ? raw.componentType()
                    : list ? type.asCollection().resolveGeneric(0) : raw;
            if (name != null && element != null && element.isEnum()) {
                found.add(new EnumParameter(name, list));
            }
        }
        return List.copyOf(found);
    }
}
