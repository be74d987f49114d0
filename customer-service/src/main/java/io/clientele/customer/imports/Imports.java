package io.clientele.customer.imports;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.customfields.CustomFields;
import io.clientele.customer.imports.ImportStore.NewImport;
import io.clientele.customer.imports.ImportStore.Rejection;
import io.clientele.customer.imports.ImportView.ColumnView;
import io.clientele.customer.settings.CustomerSettings;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.Problems;
import io.clientele.platform.security.Actor;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-9: starting imports (CSV files, JSON rows), following them, their rejection reports, and undoing
 * them. The upload is stored and its header read before the answer, so a file that cannot be imported
 * at all (an unknown column in the mapping, no column naming anyone, malformed JSON) is refused at
 * once with a problem document; everything else happens in the background.
 */
@Service
class Imports {

    /**
     * Options of a CSV upload.
     *
     * @param encoding  AUTO (default), UTF-8, WINDOWS-1250, ...
     * @param delimiter AUTO (default), COMMA, SEMICOLON, TAB, PIPE
     * @param mapping   JSON object: column header (or 1-based number) to field, e.g. {"Tel.": "phone"}
     */
    record CsvOptions(String fileName, boolean dryRun, String encoding, String delimiter, String mapping) {
    }

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    private final ImportStore store;
    private final ImportJobs jobs;
    private final CustomFields customFields;
    private final CustomerSettings settings;
    private final ImportProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Imports(ImportStore store, ImportJobs jobs, CustomFields customFields, CustomerSettings settings,
            ImportProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.customFields = customFields;
        this.settings = settings;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    ImportView startCsv(Actor actor, InputStream body, CsvOptions options) {
        Map<String, String> explicit = mapping(options.mapping());
        Upload upload = spool(body);
        try {
            Charset charset = CsvSource.charset(upload, options.encoding());
            CsvSource.Format format = new CsvSource.Format(charset, CsvSource.delimiter(upload, charset,
                    options.delimiter()));
            UUID workspace = actor.workspaceId();
            List<CustomFields.Definition> definitions = customFields.of(workspace);
            ColumnMapping mapping = ColumnMapping.of(CsvSource.headers(upload, format), explicit, definitions);
            NewImport job = new NewImport(TimeOrderedIds.next(), workspace, options.dryRun(), "CSV", fileName(options.fileName()),
                    upload.bytes(), charset.name(), format.delimiterName(), mapping.layout().name(),
                    mapping.columns().stream().map(column -> new ColumnView(column.index() + 1, column.header(),
                            column.target() == null ? null : column.target().apiName())).toList(),
                    actor.subject(), clock.instant());
            return start(actor, job, upload, () -> CsvSource.open(upload, format, mapping), definitions);
        } catch (RuntimeException refused) {
            upload.delete();
            throw refused;
        }
    }

    ImportView startJson(Actor actor, InputStream body, Boolean dryRunParameter, String nameParameter) {
        Upload upload = spool(body);
        try {
            JsonRowsSource.Options options = JsonRowsSource.inspect(json, upload);
            boolean dryRun = options.dryRun() != null ? options.dryRun() : Boolean.TRUE.equals(dryRunParameter);
            UUID workspace = actor.workspaceId();
            List<CustomFields.Definition> definitions = customFields.of(workspace);
            if (options.name() != null && options.name().indexOf('\u0000') >= 0) {
                // the document is read token by token, not by the API's JSON mapper that refuses a NUL anywhere
                throw InvalidInputException.of("name", "character", "contains a NUL character (\\u0000), which"
                        + " cannot be stored");
            }
            String name = fileName(options.name() != null ? options.name() : nameParameter);
            NewImport job = new NewImport(TimeOrderedIds.next(), workspace, dryRun, "JSON", name, upload.bytes(), "UTF-8", null,
                    ColumnMapping.Layout.STANDARD.name(), List.of(), actor.subject(), clock.instant());
            java.util.Set<String> customKeys = definitions.stream().map(CustomFields.Definition::key)
                    .collect(java.util.stream.Collectors.toSet());
            return start(actor, job, upload, () -> JsonRowsSource.open(json, upload, customKeys), definitions);
        } catch (RuntimeException refused) {
            upload.delete();
            throw refused;
        }
    }

    private ImportView start(Actor actor, NewImport job, Upload upload, java.util.function.Supplier<RowSource> source,
            List<CustomFields.Definition> definitions) {
        Map<String, CustomFields.Definition> byKey = new LinkedHashMap<>();
        definitions.forEach(definition -> byKey.put(definition.key(), definition));
        RowReader reader = new RowReader(settings.of(actor.workspaceId()).defaultCountry(), byKey);
        store.create(job);
        jobs.submit(new ImportJobs.Job(job.id(), job.workspaceId(), actor.subject(), job.dryRun(), job.fileName(),
                upload, source, reader));
        return get(actor, job.id());
    }

    @Transactional(readOnly = true)
    ImportView get(Actor actor, UUID id) {
        return store.find(actor.workspaceId(), id).orElseThrow(() -> new NotFoundException("import", id));
    }

    @Transactional(readOnly = true)
    List<ImportView> list(Actor actor, Instant beforeAt, UUID beforeId, int limit) {
        return store.list(actor.workspaceId(), beforeAt, beforeId, limit);
    }

    @Transactional(readOnly = true)
    List<Rejection> rejections(Actor actor, UUID id, long afterRow, int limit) {
        get(actor, id);
        return store.rejections(id, afterRow, limit);
    }

    @Transactional(readOnly = true)
    void eachRejection(Actor actor, UUID id, Consumer<Rejection> consumer) {
        get(actor, id);
        store.eachRejection(id, consumer);
    }

    /** The report's columns: the file's headers in their order, then any other key a refused row had. */
    @Transactional(readOnly = true)
    List<String> rejectionHeaders(Actor actor, ImportView view) {
        java.util.Set<String> headers = new java.util.LinkedHashSet<>();
        view.columns().forEach(column -> headers.add(column.header()));
        headers.addAll(store.rejectionKeys(view.id()));
        return List.copyOf(headers);
    }

    /** The client card's fields as mapping targets: customFields.<key>. */
    @Transactional(readOnly = true)
    List<String> customFieldTargets(Actor actor) {
        return customFields.of(actor.workspaceId()).stream()
                .map(definition -> ImportField.CUSTOM_PREFIX + definition.key()).toList();
    }

    /** Starts undoing an import in the background. */
    ImportView undo(Actor actor, UUID id) {
        ImportView current = get(actor, id);
        if (current.dryRun()) {
            throw new ConflictException("import-not-undoable", "Nothing to undo", "A dry run writes nothing");
        }
        if (!store.requestUndo(actor.workspaceId(), id, actor.subject(), clock.instant())) {
            String state = get(actor, id).status();
            throw new ConflictException("import-not-undoable", "The import cannot be undone now", switch (state) {
                case "QUEUED", "RUNNING" -> "The import is still running; undo it once it has finished";
                case "UNDOING" -> "The import is being undone already";
                case "UNDONE" -> "The import was undone already";
                default -> "The import is " + state;
            });
        }
        jobs.submitUndo(actor.workspaceId(), id, current.fileName(), actor.subject());
        return get(actor, id);
    }

    private Upload spool(InputStream body) {
        Upload upload;
        try {
            upload = Upload.spool(body, properties.spoolDirectory(), properties.maxFileSize().toBytes());
        } catch (Upload.TooLarge tooLarge) {
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "file-too-large", "File too large", tooLarge.getMessage()), null);
        }
        Upload.requireNotEmpty(upload);
        return upload;
    }

    private Map<String, String> mapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> parsed = json.readValue(mapping, MAPPING);
            return parsed == null ? Map.of() : parsed;
        } catch (JacksonException notAMapping) {
            throw new InvalidInputException(List.of(new FieldViolation("mapping", "json", "must be a JSON object of"
                    + " column header to field, e.g. {\"Tel.\": \"phone\", \"Typ pleti\": \"customFields.skinType\"}")));
        }
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.length() <= 255 ? base : base.substring(0, 255);
    }
}
