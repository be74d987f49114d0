package io.clientele.orderlink.catalog;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * O-1: a catalog file, as the body ({@code text/csv}) or as a form upload (field {@code file}); answered
 * at once with what was (or, with {@code dryRun=true}, would be) created, updated, unchanged and refused.
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
class CatalogImportController {

    private final CatalogImport imports;

    CatalogImportController(CatalogImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/catalog/imports", consumes = "text/csv")
    ImportReport importBody(Actor actor, @RequestBody byte[] file,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.run(actor.workspaceId(), file, dryRun);
    }

    @PostMapping(path = "/api/v1/catalog/imports", consumes = "multipart/form-data")
    ImportReport importUpload(Actor actor, @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        try {
            return imports.run(actor.workspaceId(), file.getBytes(), dryRun);
        } catch (IOException unreadable) {
            throw InvalidInputException.of("file", "upload", "could not be read: " + unreadable.getMessage());
        }
    }
}
