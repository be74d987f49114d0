package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.links.OpenedLink;
import io.clientele.orderlink.links.QuickOrderLinks;
import io.clientele.orderlink.orders.OrderPlacement;
import io.clientele.orderlink.orders.PlacedOrder;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * O-4: the public quick-order page at {@code /q/{token}}, with no login: server-rendered HTML that works
 * without JavaScript (a plain form, quantities as number inputs), in the customer's language and currency.
 * A token that opens nothing (unknown, revoked, expired, a blocked or erased customer) answers the one
 * 404 page. After an order the browser is sent on (303) to the order's confirmation, so reloading it
 * places nothing; a second submission of the same form (double click, retry) finds the first's order.
 *
 * <p>Every failure is answered here with a page and logged without the address, so no token reaches a log.
 */
@Controller
class OrderPageController {

    static final String STYLESHEET = "/q/assets/order-page.css";
    private static final Logger log = LoggerFactory.getLogger(OrderPageController.class);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final QuickOrderLinks links;
    private final OrderPages pages;
    private final OrderPlacement placement;
    private final TemplateEngine templates;
    private final byte[] stylesheet;

    OrderPageController(QuickOrderLinks links, OrderPages pages, OrderPlacement placement, TemplateEngine templates)
            throws IOException {
        this.links = links;
        this.pages = pages;
        this.placement = placement;
        this.templates = templates;
        try (InputStream css = getClass().getResourceAsStream("/orderpage/order-page.css")) {
            this.stylesheet = css.readAllBytes();
        }
    }

    @GetMapping(STYLESHEET)
    ResponseEntity<byte[]> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(stylesheet);
    }

    @GetMapping("/q/{token}")
    ResponseEntity<byte[]> page(@PathVariable String token) {
        Optional<PageContext> page = open(token);
        if (page.isEmpty()) {
            return notFound();
        }
        return html(HttpStatus.OK, pages.page(page.get(), Map.of(), Map.of(), null, UUID.randomUUID().toString()));
    }

    @PostMapping(path = "/q/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
        Optional<PageContext> opened = open(token);
        if (opened.isEmpty()) {
            return notFound();
        }
        PageContext page = opened.get();
        Map<String, String> entered = new LinkedHashMap<>();
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!name.startsWith("qty_")) {
                return;
            }
            String value = values.isEmpty() || values.getFirst() == null ? "" : values.getFirst().strip();
            String id = name.substring(4);
            entered.put(id, value);
            UUID product;
            try {
                product = UUID.fromString(id);
            } catch (IllegalArgumentException notAProduct) {
                errors.put("lines", "error.lines");
                return;
            }
            if (value.isEmpty() || value.equals("0")) {
                return;
            }
            if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > OrderPlacement.MAX_QUANTITY) {
                errors.put(name, "error.quantity");
                return;
            }
            quantities.put(product, Integer.parseInt(value));
        });
        String note = form.getFirst("note");
        String key = form.getFirst("idempotencyKey");
        if (errors.isEmpty()) {
            try {
                PlacedOrder order = placement.place(page.link(), page.customer(), page.currency(), page.language(), key,
                        quantities, note);
                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(token + "/orders/" + order.id())).build();
            } catch (InvalidInputException invalid) {
                for (FieldViolation violation : invalid.violations()) {
                    errors.put(violation.field(), "error." + violation.code());
                }
            }
        }
        return html(HttpStatus.BAD_REQUEST, pages.page(page, entered, errors, note,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key));
    }

    @GetMapping("/q/{token}/orders/{orderId}")
    ResponseEntity<byte[]> placed(@PathVariable String token, @PathVariable String orderId) {
        Optional<PageContext> page = open(token);
        UUID id = uuid(orderId);
        if (page.isEmpty() || id == null) {
            return notFound();
        }
        return placement.ofLink(page.get().link(), id)
                .map(order -> {
                    Map<String, Object> model = pages.placed(page.get(), order);
                    // back to the catalog, relative to /q/<token>/orders/<id>
                    model.put("again", "../../" + token);
                    return render(HttpStatus.OK, "orderpage/placed", page.get(), model);
                })
                .orElseGet(this::notFound);
    }

    /** Anything else under /q/ is the same 404 page (and never reaches a handler that would log the path). */
    @RequestMapping("/q/**")
    ResponseEntity<byte[]> elsewhere() {
        return notFound();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception failure) {
        if (failure instanceof org.springframework.web.HttpMediaTypeNotSupportedException
                || failure instanceof org.springframework.web.HttpRequestMethodNotSupportedException) {
            return notFound();
        }
        // the request's address holds the token: it is left out on purpose
        log.error("The quick-order page failed", failure);
        Context context = new Context(Locale.ENGLISH);
        return html(HttpStatus.INTERNAL_SERVER_ERROR, templates.process("orderpage/failed", context));
    }

    private Optional<PageContext> open(String token) {
        Optional<OpenedLink> link = links.open(token);
        return link.isEmpty() ? Optional.empty() : pages.context(link.get());
    }

    private ResponseEntity<byte[]> notFound() {
        return html(HttpStatus.NOT_FOUND, templates.process("orderpage/not-found", new Context(Locale.ENGLISH)));
    }

    private ResponseEntity<byte[]> render(HttpStatus status, String template, PageContext page,
            Map<String, Object> model) {
        return html(status, templates.process(template, new Context(page.locale(), model)));
    }

    private static ResponseEntity<byte[]> html(HttpStatus status, String html) {
        return html(status, html.getBytes(StandardCharsets.UTF_8));
    }

    /** Every answer as UTF-8 bytes: the order page is mostly bytes encoded once and cached. */
    private static ResponseEntity<byte[]> html(HttpStatus status, byte[] html) {
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
