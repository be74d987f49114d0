package io.clientele.orderlink.orders;

import io.clientele.orderlink.catalog.Catalog;
import io.clientele.orderlink.catalog.CatalogProduct;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.links.OpenedLink;
import io.clientele.orderlink.money.Money;
import io.clientele.orderlink.orders.OrderView.Line;
import io.clientele.orderlink.pricing.PersonalPrice;
import io.clientele.orderlink.pricing.PriceList;
import io.clientele.orderlink.pricing.PriceRules;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * O-4/O-5: places the order a customer submitted from their page. Only product ids and quantities come
 * from the form: every price is read and computed again here, by the same rule the page used. The form's
 * idempotency key makes a submission place one order however often it arrives: the second of two
 * concurrent submissions waits for the first (a lock on workspace, link and key) and then finds its order.
 */
@Service
public class OrderPlacement {

    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_LINES = 500;

    private final OrderStore orders;
    private final Catalog catalog;
    private final PriceList priceList;
    private final OrderEventsOutbound events;
    private final MeterRegistry meters;
    private final Clock clock;

    OrderPlacement(OrderStore orders, Catalog catalog, PriceList priceList, OrderEventsOutbound events,
            MeterRegistry meters, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.priceList = priceList;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param quantities product id to quantity; zeros are left out by the caller
     * @throws InvalidInputException with one violation per bad field (codes: key, quantity, lines, note,
     *                               unavailable); nothing is written then
     */
    @Transactional
    public PlacedOrder place(OpenedLink link, OrderingCustomer customer, Currency currency, String language,
            String idempotencyKey, Map<UUID, Integer> quantities, String note) {
        List<FieldViolation> violations = new ArrayList<>();
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9-]{8,100}")) {
            violations.add(new FieldViolation("idempotencyKey", "key", "is missing or malformed; reload the page"));
        }
        quantities.forEach((product, quantity) -> {
            if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
                violations.add(new FieldViolation("qty_" + product, "quantity",
                        "must be a whole number from 1 to " + MAX_QUANTITY));
            }
        });
        if (quantities.isEmpty()) {
            violations.add(new FieldViolation("lines", "lines", "the cart is empty"));
        } else if (quantities.size() > MAX_LINES) {
            violations.add(new FieldViolation("lines", "lines", "at most " + MAX_LINES + " products go in one order"));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && (cleanNote.length() > MAX_NOTE || cleanNote.indexOf('\0') >= 0)) {
            violations.add(new FieldViolation("note", "note", "must be at most " + MAX_NOTE + " characters of text"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        orders.lockSubmission(link.workspaceId(), link.linkId(), idempotencyKey);
        Optional<UUID> earlier = orders.bySubmission(link.workspaceId(), link.linkId(), idempotencyKey);
        if (earlier.isPresent()) {
            meters.counter("clientele.orders.placed", "outcome", "repeated-submission").increment();
            OrderView order = orders.find(link.workspaceId(), earlier.get()).orElseThrow();
            return new PlacedOrder(order.id(), order.number(), false);
        }

        List<CatalogProduct> products = new ArrayList<>(catalog.orderable(link.workspaceId(), currency,
                quantities.keySet()));
        Set<UUID> available = products.stream().map(CatalogProduct::id).collect(Collectors.toSet());
        quantities.keySet().stream().filter(id -> !available.contains(id)).forEach(id -> violations.add(
                new FieldViolation("qty_" + id, "unavailable", "is no longer offered; remove it from the cart")));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        products.sort(Comparator.comparing(CatalogProduct::name, Collator.getInstance(Locale.forLanguageTag(language))));
        Map<UUID, PersonalPrice> prices = priceList.prices(customer, currency, products);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = Money.round(BigDecimal.ZERO, currency);
        for (CatalogProduct product : products) {
            PersonalPrice price = prices.get(product.id());
            int quantity = quantities.get(product.id());
            BigDecimal lineTotal = PriceRules.line(price.unitPrice(), quantity);
            lines.add(new Line(product.id(), product.sku(), product.name(), product.unit(), quantity, price.basePrice(),
                    price.unitPrice(), lineTotal, price.rule().name()));
            total = total.add(lineTotal);
        }
        if (total.compareTo(Money.MAX) > 0) {
            throw InvalidInputException.of("lines", "total", "the order's total is too large for one order");
        }

        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        long number = orders.nextNumber(link.workspaceId());
        orders.insert(link.workspaceId(), id, number, customer.id(), link.linkId(), idempotencyKey, currency, total,
                cleanNote, language, lines, "customer:" + customer.id(), now);
        events.placed(link.workspaceId(), id, number, customer.id(), currency.getCurrencyCode(), total.toPlainString(),
                lines, language, now);
        meters.counter("clientele.orders.placed", "outcome", "placed").increment();
        return new PlacedOrder(id, number, true);
    }

    /** The order a page shows after the submission: only one of this link's own orders. */
    public Optional<OrderView> ofLink(OpenedLink link, UUID orderId) {
        return orders.find(link.workspaceId(), orderId).filter(order -> order.customerId().equals(link.customerId()));
    }
}
