package io.clientele.orderlink.catalog;

import io.clientele.orderlink.branding.Brandings;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.PreconditionFailedException;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** O-1: staff create, change, list and delete products and categories. */
@Service
class Products {

    private final ProductStore products;
    private final CategoryStore categories;
    private final Brandings brandings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Products(ProductStore products, CategoryStore categories, Brandings brandings, ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.categories = categories;
        this.brandings = brandings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ProductView create(UUID workspaceId, ProductDraft draft) {
        check(workspaceId, draft, null);
        UUID id = TimeOrderedIds.next();
        products.insert(workspaceId, id, draft, clock.instant());
        products.setPrices(workspaceId, id, draft.prices() == null ? Map.of() : draft.prices());
        return products.find(workspaceId, id).orElseThrow();
    }

    /** Replaces every field and the prices; with a version, only if the product still has it (If-Match). */
    @Transactional
    ProductView replace(UUID workspaceId, UUID id, ProductDraft draft, Long expectedVersion) {
        ProductView current = get(workspaceId, id);
        check(workspaceId, draft, id);
        if (products.update(workspaceId, id, draft, expectedVersion, clock.instant()) == 0) {
            throw new PreconditionFailedException("The product was changed since version " + expectedVersion
                    + " (it is at " + current.version() + "); read it again");
        }
        products.replacePrices(workspaceId, id, draft.prices() == null ? Map.of() : draft.prices());
        return get(workspaceId, id);
    }

    ProductView get(UUID workspaceId, UUID id) {
        return products.find(workspaceId, id).orElseThrow(() -> new NotFoundException("product", id.toString()));
    }

    /** Sorted by name in the workspace's language. */
    List<ProductView> list(UUID workspaceId, UUID categoryId, Boolean active, String search) {
        Collator collator = Collator.getInstance(brandings.of(workspaceId).locale());
        List<ProductView> found = new ArrayList<>(products.list(workspaceId, categoryId, active,
                search == null || search.isBlank() ? null : search.strip()));
        found.sort(Comparator.comparing(ProductView::name, collator).thenComparing(ProductView::sku));
        return found;
    }

    @Transactional
    void delete(UUID workspaceId, UUID id) {
        if (!products.delete(workspaceId, id)) {
            throw new NotFoundException("product", id.toString());
        }
        events.publishEvent(new CatalogEvents.ProductDeleted(workspaceId, id));
    }

    @Transactional
    CategoryView createCategory(UUID workspaceId, String name, Integer position) {
        String checked = checkCategory(workspaceId, name, position, null);
        UUID id = TimeOrderedIds.next();
        categories.insert(workspaceId, id, checked, position == null ? 0 : position, clock.instant());
        return categories.find(workspaceId, id).orElseThrow();
    }

    @Transactional
    CategoryView replaceCategory(UUID workspaceId, UUID id, String name, Integer position) {
        categories.find(workspaceId, id).orElseThrow(() -> new NotFoundException("category", id.toString()));
        String checked = checkCategory(workspaceId, name, position, id);
        categories.update(workspaceId, id, checked, position == null ? 0 : position);
        return categories.find(workspaceId, id).orElseThrow();
    }

    /** By position, then by name in the workspace's language. */
    List<CategoryView> categories(UUID workspaceId) {
        Collator collator = Collator.getInstance(brandings.of(workspaceId).locale());
        List<CategoryView> found = new ArrayList<>(categories.list(workspaceId));
        found.sort(Comparator.comparingInt(CategoryView::position).thenComparing(CategoryView::name, collator));
        return found;
    }

    @Transactional
    void deleteCategory(UUID workspaceId, UUID id) {
        if (!categories.delete(workspaceId, id)) {
            throw new NotFoundException("category", id.toString());
        }
        events.publishEvent(new CatalogEvents.CategoryDeleted(workspaceId, id));
    }

    private void check(UUID workspaceId, ProductDraft draft, UUID id) {
        List<FieldViolation> violations = new ArrayList<>();
        ProductRules.check(draft, true, violations);
        if (draft.categoryId() != null && !categories.exists(workspaceId, draft.categoryId())) {
            violations.add(new FieldViolation("categoryId", "unknown", "no category " + draft.categoryId()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (products.skuTaken(workspaceId, draft.sku().strip(), id)) {
            throw new ConflictException("duplicate-sku", "SKU already used",
                    "Another product of this workspace has the SKU '" + draft.sku().strip() + "'");
        }
    }

    private String checkCategory(UUID workspaceId, String name, Integer position, UUID id) {
        List<FieldViolation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new FieldViolation("name", "required", "is required"));
        } else if (name.strip().length() > 100) {
            violations.add(new FieldViolation("name", "length", "must be at most 100 characters"));
        }
        if (position != null && (position < 0 || position > 100_000)) {
            violations.add(new FieldViolation("position", "range", "must be between 0 and 100000"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (categories.nameTaken(workspaceId, name.strip(), id)) {
            throw new ConflictException("duplicate-category", "Category already exists",
                    "Another category of this workspace is named '" + name.strip() + "'");
        }
        return name.strip();
    }
}
