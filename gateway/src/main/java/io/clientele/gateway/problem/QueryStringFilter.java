package io.clientele.gateway.problem;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query parameter that is not UTF-8 once percent-decoded ({@code ?q=%FF%FE}), has a malformed escape or
 * holds a NUL is refused at the edge with a 400 naming it, as every service refuses it (service-kit's
 * {@code QueryStrings}, the same rule: the gateway is not built on the servlet kit). Nothing downstream,
 * route filter or service, is handed a query it cannot read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryStringFilter implements WebFilter {

    private final JsonMapper json;

    QueryStringFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String query = exchange.getRequest().getURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String problem = unreadable(name);
                if (problem == null && equals >= 0) {
                    problem = unreadable(pair.substring(equals + 1));
                }
                if (problem != null) {
                    return refuse(exchange.getResponse(), name.replaceAll("[^A-Za-z0-9._\\[\\]-]", "?"), problem);
                }
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerHttpResponse response, String field, String message) {
        ProblemDetail problem = GatewayProblems.of(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setType(URI.create(GatewayProblems.BASE + "validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "code", "encoding", "message", message)));
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory()
                .wrap(json.writeValueAsBytes(GatewayProblems.asMap(problem)))));
    }

    /** What is wrong with a raw (still percent-encoded) name or value, or null. */
    static String unreadable(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return "has a '%' that is not followed by two hexadecimal digits";
                }
                int b = high * 16 + low;
                if (b == 0) {
                    return "contains a NUL character (%00)";
                }
                bytes.write(b);
                i += 2;
            } else {
                bytes.write(c == '+' ? ' ' : c & 0xFF);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException notUtf8) {
            return "is not valid UTF-8 once percent-decoded";
        }
    }
}
