package io.clientele.orderlink.catalog;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** O-1: the catalog's staff API. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
class CatalogController {

    private final Products products;

    CatalogController(Products products) {
        this.products = products;
    }

    /** @param prices base prices by ISO 4217 code, e.g. {"CZK": 129.00, "EUR": 5.20} */
    record ProductRequest(String sku, String name, String description, String imageUrl, UUID categoryId,
            Boolean active, String unit, Map<String, BigDecimal> prices) {

        ProductDraft draft() {
            return new ProductDraft(sku, name, description, imageUrl, categoryId, active, unit, prices);
        }
    }

    record CategoryRequest(String name, Integer position) {
    }

    @PostMapping("/api/v1/products")
    ResponseEntity<ProductView> create(Actor actor, @RequestBody ProductRequest request) {
        ProductView created = products.create(actor.workspaceId(), request.draft());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .eTag(etag(created)).body(created);
    }

    @GetMapping("/api/v1/products")
    List<ProductView> list(Actor actor, @RequestParam(required = false) UUID category,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q) {
        return products.list(actor.workspaceId(), category, active, q);
    }

    @GetMapping("/api/v1/products/{id}")
    ResponseEntity<ProductView> get(Actor actor, @PathVariable UUID id) {
        ProductView product = products.get(actor.workspaceId(), id);
        return ResponseEntity.ok().eTag(etag(product)).body(product);
    }

    @PutMapping("/api/v1/products/{id}")
    ResponseEntity<ProductView> replace(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ProductRequest request) {
        ProductView product = products.replace(actor.workspaceId(), id, request.draft(), version(ifMatch));
        return ResponseEntity.ok().eTag(etag(product)).body(product);
    }

    @DeleteMapping("/api/v1/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable UUID id) {
        products.delete(actor.workspaceId(), id);
    }

    @PostMapping("/api/v1/categories")
    ResponseEntity<CategoryView> createCategory(Actor actor, @RequestBody CategoryRequest request) {
        CategoryView created = products.createCategory(actor.workspaceId(), request.name(), request.position());
        return ResponseEntity.created(URI.create("/api/v1/categories/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/categories")
    List<CategoryView> categories(Actor actor) {
        return products.categories(actor.workspaceId());
    }

    @PutMapping("/api/v1/categories/{id}")
    CategoryView replaceCategory(Actor actor, @PathVariable UUID id, @RequestBody CategoryRequest request) {
        return products.replaceCategory(actor.workspaceId(), id, request.name(), request.position());
    }

    @DeleteMapping("/api/v1/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCategory(Actor actor, @PathVariable UUID id) {
        products.deleteCategory(actor.workspaceId(), id);
    }

    private static String etag(ProductView product) {
        return "\"" + product.version() + "\"";
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("If-Match", "etag", "'" + ifMatch + "' is not an ETag this API gave out");
        }
    }
}
