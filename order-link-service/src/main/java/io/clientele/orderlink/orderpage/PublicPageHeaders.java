package io.clientele.orderlink.orderpage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public page's protection, for every answer under {@code /q/} (the page, the 404 page, errors):
 * the token in the address must not leak through a Referer, a cache, a search engine or a frame, and the
 * page loads nothing but its own stylesheet and https images (CSP; it has no script at all).
 *
 * <p>It also gives every request a masked path ({@value #MASKED_PATH}), which the access log prints
 * instead of the real one ({@code server.tomcat.accesslog.pattern} in application.yml), so a token is
 * never written to a log file.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPageHeaders extends OncePerRequestFilter {

    static final String MASKED_PATH = "clientele.maskedPath";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src https: data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        request.setAttribute(MASKED_PATH, mask(path));
        if (path.startsWith("/q/")) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Robots-Tag", "noindex, nofollow");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!path.equals(OrderPageController.STYLESHEET)) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, response);
    }

    /** {@code /q/<token>/orders/<id>} reads {@code /q/***}/orders/<id>}; any other path is left as it is. */
    static String mask(String path) {
        if (path == null || !path.startsWith("/q/") || path.equals(OrderPageController.STYLESHEET)) {
            return path;
        }
        int end = path.indexOf('/', 3);
        return "/q/***" + (end < 0 ? "" : path.substring(end));
    }
}
