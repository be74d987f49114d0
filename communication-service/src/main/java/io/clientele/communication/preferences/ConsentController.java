package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Consent record", description = "Every consent and preference change, kept as proof (M-2)")
class ConsentController {

    enum Format {
        JSON, CSV;

        static Format of(String text) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(text)) {
                    return format;
                }
            }
            throw InvalidInputException.of("format", "enum", "'" + text + "' is not one of json, csv");
        }
    }

    private static final String[] HEADER = {"customerId", "at", "changedFields", "source", "actor", "wordingVersion",
            "sourceRef", "subscriptionState", "muted", "email", "sms", "push", "language", "orderConfirmations", "note"};

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ConsentRecord consents;
    private final JsonMapper json;

    ConsentController(ConsentRecord consents, JsonMapper json) {
        this.consents = consents;
        this.json = json;
    }

    @GetMapping("/api/v1/preferences/{customerId}/consents")
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "A customer's consent record, newest first",
            description = "Each entry: what changed, when, the source (STAFF, BOOKING, IMPORT, UNSUBSCRIBE_LINK, API), "
                    + "the actor, the consent wording version and the preferences after the change. Kept after "
                    + "erasure without the note and the language.")
    List<ConsentEntry> record(Actor actor, @PathVariable UUID customerId) {
        List<ConsentEntry> entries = new ArrayList<>(entries(actor, customerId));
        java.util.Collections.reverse(entries);
        return entries;
    }

    @GetMapping("/api/v1/preferences/{customerId}/consents/export")
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "Download a customer's consent record (JSON or CSV), oldest first")
    ResponseEntity<StreamingResponseBody> export(Actor actor, @PathVariable UUID customerId,
            @Parameter(description = "json (default) or csv") @RequestParam(defaultValue = "json") String format) {
        Format chosen = Format.of(format);
        List<ConsentEntry> entries = entries(actor, customerId);
        MediaType type = chosen == Format.CSV ? CSV : MediaType.APPLICATION_JSON;
        return download("consent-record-" + customerId, type, chosen == Format.CSV ? ".csv" : ".json", out -> {
            if (chosen == Format.JSON) {
                json.writeValue(out, new CustomerExport(customerId, entries));
            } else {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csvRow(writer, HEADER);
                for (ConsentEntry entry : entries) {
                    csvRow(writer, row(customerId, entry));
                }
                writer.flush();
            }
        });
    }

    @GetMapping("/api/v1/consents/export")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Download the whole workspace's consent record (owners only)",
            description = "One row (CSV) or object (JSON lines) per entry, customer by customer, oldest first; "
                    + "streamed, so it works at any size.")
    ResponseEntity<StreamingResponseBody> exportWorkspace(Actor actor,
            @Parameter(description = "csv (default) or json (JSON lines)") @RequestParam(defaultValue = "csv") String format) {
        Format chosen = Format.of(format);
        MediaType type = chosen == Format.CSV ? CSV : new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
        return download("consent-record-" + actor.workspaceId(), type, chosen == Format.CSV ? ".csv" : ".jsonl", out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (chosen == Format.CSV) {
                csvRow(writer, HEADER);
            }
            consents.forEachCustomer(actor.workspaceId(), customer -> {
                try {
                    for (ConsentEntry entry : customer.entries()) {
                        if (chosen == Format.CSV) {
                            csvRow(writer, row(customer.customerId(), entry));
                        } else {
                            writer.write(json.writeValueAsString(new WorkspaceExportLine(customer.customerId(), entry)));
                            writer.write('\n');
                        }
                    }
                } catch (IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            writer.flush();
        });
    }

    record CustomerExport(UUID customerId, List<ConsentEntry> entries) {
    }

    record WorkspaceExportLine(UUID customerId, ConsentEntry entry) {
    }

    private List<ConsentEntry> entries(Actor actor, UUID customerId) {
        return consents.of(new CustomerRef(actor.workspaceId(), customerId))
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, MediaType type, String extension,
            StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + extension + "\"")
                .body(body);
    }

    private static String[] row(UUID customerId, ConsentEntry entry) {
        return new String[] {customerId.toString(), entry.at().toString(), String.join(" ", entry.changedFields()),
                entry.source().name(), entry.actor(), entry.wordingVersion(), entry.sourceRef(), entry.subscription().name(),
                String.valueOf(entry.muted()), String.valueOf(entry.channels().email()),
                String.valueOf(entry.channels().sms()), String.valueOf(entry.channels().push()), entry.language(),
                String.valueOf(entry.orderConfirmations()), entry.note()};
    }

    /** RFC 4180: quoted when needed, quotes doubled; a leading formula character is defused for spreadsheets. */
    private static void csvRow(Writer writer, String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            String value = values[i] == null ? "" : values[i];
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && i > 0) {
                value = "'" + value;
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            writer.write(value);
        }
        writer.write("\r\n");
    }
}
