package io.clientele.customer.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.clientele.customer.imports.ImportStore.Rejection;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Imports", description = "Customer imports from CSV files and JSON rows, with dry runs and undo (C-9)")
class ImportController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    /** A page of an import's rejected rows. */
    record RejectionPage(List<RejectionView> rejections, Long nextAfter) {
    }

    /**
     * @param rowNumber as a spreadsheet shows it (the header is row 1); for JSON, the row's position
     * @param cells     the row as the file had it
     */
    record RejectionView(long rowNumber, List<FieldViolation> reasons, Map<String, String> cells) {
    }

    /** What columns can be mapped to, for building a mapping. */
    record Fields(List<String> fields, List<String> standardColumns, List<String> customFields) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import customers from an uploaded CSV file (a form's file field)",
            description = "Columns are recognised by their headers (the standard columns name, email, phone, status,"
                    + " marketing_consent; other systems' exports such as Reservio's, in Czech and English; the client"
                    + " card's fields), or mapped explicitly. UTF-8 or Windows-1250, comma, semicolon or tab, with or"
                    + " without BOM. Answers 202 at once; follow the Location.")
    ResponseEntity<ImportView> uploadForm(Actor actor, @RequestPart("file") MultipartFile file,
            @Parameter(description = "Read, check and match every row but write nothing")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "AUTO (default), UTF-8, WINDOWS-1250") @RequestParam(required = false) String encoding,
            @Parameter(description = "AUTO (default), COMMA, SEMICOLON, TAB, PIPE")
            @RequestParam(required = false) String delimiter,
            @Parameter(description = "JSON object: column header (or number) to field, e.g. {\"Tel.\": \"phone\","
                    + " \"Typ pleti\": \"customFields.skinType\", \"Interní číslo\": \"\"}; unmapped columns are"
                    + " recognised by their header, an empty field ignores the column")
            @RequestParam(required = false) String mapping) {
        try (InputStream body = file.getInputStream()) {
            return accepted(imports.startCsv(actor, body, new Imports.CsvOptions(file.getOriginalFilename(), dryRun,
                    encoding, delimiter, mapping)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @PostMapping(consumes = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import customers from a CSV file sent as the request body",
            description = "The same as the form upload, with the options as query parameters.")
    ResponseEntity<ImportView> uploadCsv(Actor actor, HttpServletRequest request,
            @RequestParam(required = false) String fileName, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String encoding, @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) String mapping) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return accepted(imports.startCsv(actor, body, new Imports.CsvOptions(fileName, dryRun, encoding, delimiter,
                    mapping)));
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import customers from JSON rows",
            description = "{\"rows\": [{\"firstName\": \"Jana\", \"lastName\": \"Nováková\", \"email\": \"jana@example.cz\","
                    + " \"phone\": \"+420777123456\", \"status\": \"REGULAR\", \"marketingConsent\": true,"
                    + " \"customFields\": {\"skinType\": \"dry\"}}], \"dryRun\": false, \"name\": \"nightly sync\"}."
                    + " Keys are the field names of GET /api/v1/imports/fields.")
    ResponseEntity<ImportView> uploadJson(Actor actor, HttpServletRequest request,
            @RequestParam(required = false) Boolean dryRun, @RequestParam(required = false) String name)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return accepted(imports.startJson(actor, body, dryRun, name));
        }
    }

    @GetMapping
    @Operation(summary = "The workspace's imports, newest first", description = "Pass the last id as 'before' for older ones.")
    List<ImportView> list(Actor actor, @RequestParam(required = false) UUID before,
            @RequestParam(required = false) Integer limit) {
        int size = limit(limit, 100);
        if (before == null) {
            return imports.list(actor, null, null, size);
        }
        ImportView last = imports.get(actor, before);
        return imports.list(actor, last.requestedAt(), last.id(), size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: its state, how its file was read, its progress")
    ImportView get(Actor actor, @PathVariable UUID id) {
        return imports.get(actor, id);
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "The rows an import refused, with the reasons", description = "In row order; pass nextAfter as"
            + " 'after' for the next page.")
    RejectionPage rejections(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        int size = limit(limit, MAX_LIMIT);
        List<RejectionView> page = imports.rejections(actor, id, after, size + 1).stream()
                .map(rejection -> new RejectionView(rejection.rowNumber(), rejection.reasons(), rejection.cells()))
                .toList();
        boolean more = page.size() > size;
        List<RejectionView> shown = more ? page.subList(0, size) : page;
        return new RejectionPage(shown, more ? shown.getLast().rowNumber() : null);
    }

    @GetMapping(value = "/{id}/rejections.csv", produces = "text/csv")
    @Operation(summary = "The rejection report as CSV", description = "Row number, reasons, then the row's cells under"
            + " the file's own headers: fix the rows and import the report again.")
    ResponseEntity<StreamingResponseBody> rejectionsCsv(Actor actor, @PathVariable UUID id) {
        ImportView view = imports.get(actor, id);
        char delimiter = "SEMICOLON".equals(view.delimiter()) ? ';' : "TAB".equals(view.delimiter()) ? '\t' : ',';
        List<String> headers = imports.rejectionHeaders(actor, view);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            // Excel reads a UTF-8 file right only when it starts with a byte-order mark
            writer.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().fieldSeparator(delimiter).build(writer);
            List<String> header = new ArrayList<>(List.of("row", "reasons"));
            header.addAll(headers);
            csv.writeRecord(header);
            imports.eachRejection(actor, id, rejection -> row(csv, headers, rejection));
            csv.flush();
        };
        String name = view.fileName() == null ? "import" : view.fileName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^\\w.-]", "_")
                        + "-rejected.csv\"")
                .body(body);
    }

    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo an import", description = "Customers it created are removed (other services learn by"
            + " customer.erased.v1), fields it changed are restored; customers touched since are left as they are and"
            + " counted as kept. Runs in the background: 202, then follow the import.")
    ResponseEntity<ImportView> undo(Actor actor, @PathVariable UUID id) {
        ImportView view = imports.undo(actor, id);
        return ResponseEntity.accepted().location(URI.create(view.links().self())).body(view);
    }

    @GetMapping("/fields")
    @Operation(summary = "What columns can be mapped to: the fields, the standard columns, the client card's fields")
    Fields fields(Actor actor) {
        return new Fields(ColumnMapping.fieldNames(), HeaderNames.STANDARD, imports.customFieldTargets(actor));
    }

    private static void row(CsvWriter csv, List<String> order, Rejection rejection) {
        List<String> cells = new ArrayList<>(order.size() + 2);
        cells.add(String.valueOf(rejection.rowNumber()));
        cells.add(rejection.reasons().stream().map(reason -> reason.field() + ": " + reason.message())
                .collect(Collectors.joining(" | ")));
        order.forEach(header -> cells.add(rejection.cells().getOrDefault(header, "")));
        csv.writeRecord(cells);
    }

    private static ResponseEntity<ImportView> accepted(ImportView view) {
        return ResponseEntity.accepted().location(URI.create(view.links().self())).body(view);
    }

    private static int limit(Integer limit, int max) {
        int size = limit == null ? Math.min(DEFAULT_LIMIT, max) : limit;
        if (size < 1 || size > max) {
            throw InvalidInputException.of("limit", "Range", "must be between 1 and " + max);
        }
        return size;
    }
}
