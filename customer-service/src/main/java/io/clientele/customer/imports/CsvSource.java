package io.clientele.customer.imports;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read record by record ({@link CsvRecords}: RFC 4180, quoted fields with line breaks, and a
 * damaged record reported instead of swallowing the rows after it). The first record is the header.
 * Rows are numbered as a spreadsheet shows them: the header is row 1. A row is refused with its reason,
 * never dropped: a damaged one (an unclosed quote), and one with more cells than the header has columns
 * (a delimiter inside an unquoted value shifts every cell after it).
 */
final class CsvSource implements RowSource {

    /** How the file is written: its encoding and its delimiter. */
    record Format(Charset charset, char delimiter) {

        String delimiterName() {
            return switch (delimiter) {
                case ',' -> "COMMA";
                case ';' -> "SEMICOLON";
                case '\t' -> "TAB";
                default -> String.valueOf(delimiter);
            };
        }
    }

    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final char[] DELIMITERS = {';', ',', '\t'};

    private final CsvRecords records;
    private final List<String> headers;
    private final ColumnMapping mapping;
    private long rowNumber = 1;

    private CsvSource(CsvRecords records, List<String> headers, ColumnMapping mapping) {
        this.records = records;
        this.headers = headers;
        this.mapping = mapping;
    }

    /**
     * The file's encoding: the one asked for, else the one its byte-order mark announces, else UTF-8
     * when every byte is valid UTF-8, else Windows-1250 (what Czech Excel writes).
     */
    static Charset charset(Upload upload, String requested) {
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase("AUTO")) {
            try {
                return Charset.forName(requested.strip());
            } catch (IllegalArgumentException unknown) {
                throw InvalidInputException.of("encoding", "encoding", "'" + requested
                        + "' is not an encoding; use AUTO, UTF-8 or WINDOWS-1250");
            }
        }
        if (upload.bom() != null) {
            return Charset.forName(upload.bom().charset);
        }
        return upload.validUtf8() ? java.nio.charset.StandardCharsets.UTF_8 : WINDOWS_1250;
    }

    /** The delimiter asked for (COMMA, SEMICOLON, TAB or the character), else the one the header line uses most. */
    static char delimiter(Upload upload, Charset charset, String requested) {
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase("AUTO")) {
            return switch (requested.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "COMMA", "," -> ',';
                case "SEMICOLON", ";" -> ';';
                case "TAB", "\\T", "\t" -> '\t';
                case "PIPE", "|" -> '|';
                default -> throw InvalidInputException.of("delimiter", "delimiter", "'" + requested
                        + "' is not a delimiter; use AUTO, COMMA, SEMICOLON, TAB or PIPE");
            };
        }
        String header = firstLine(upload, charset);
        Map<Character, Integer> counts = new HashMap<>();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char best = ',';
        int most = 0;
        for (char candidate : DELIMITERS) {
            int count = counts.getOrDefault(candidate, 0);
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /** The header record's cells. */
    static List<String> headers(Upload upload, Format format) {
        try (CsvSource source = open(upload, format, null)) {
            return source.headers;
        }
    }

    static CsvSource open(Upload upload, Format format, ColumnMapping mapping) {
        CsvRecords records = null;
        try {
            Reader in = new BufferedReader(new InputStreamReader(upload.open(), format.charset()), 256 * 1024);
            records = new CsvRecords(in, format.delimiter());
            CsvRecords.Record header = records.next();
            if (header == null || header.fields().isEmpty()) {
                records.close();
                throw InvalidInputException.of("file", "header", "the file has no header line");
            }
            if (header.damaged()) {
                records.close();
                throw InvalidInputException.of("file", "csv", "the header line cannot be read: " + header.damage());
            }
            List<String> headers = new ArrayList<>();
            for (String name : header.fields()) {
                headers.add(ImportStore.storable(name.strip()));
            }
            return new CsvSource(records, Collections.unmodifiableList(headers), mapping);
        } catch (IOException failed) {
            closeQuietly(records);
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public SourceRow next() {
        while (true) {
            CsvRecords.Record record;
            try {
                record = records.next();
            } catch (IOException unreadable) {
                throw new UnreadableFile("the file cannot be read past row " + rowNumber + ": "
                        + unreadable.getMessage(), unreadable);
            }
            if (record == null) {
                return null;
            }
            rowNumber++;
            if (record.damaged()) {
                String line = record.fields().getFirst();
                return new SourceRow(new RowReader.Cells(rowNumber, Map.of()),
                        Map.of("line " + record.line(), line.length() > 1000 ? line.substring(0, 1000) + "…" : line),
                        List.of(new FieldViolation("file", "csv", record.damage())));
            }
            Map<Target, String> values = new HashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            List<FieldViolation> violations = new ArrayList<>();
            boolean blank = true;
            for (int i = 0; i < record.fields().size(); i++) {
                String cell = record.fields().get(i);
                if (cell.isBlank()) {
                    continue;
                }
                blank = false;
                String header = i < headers.size() ? headers.get(i) : "column " + (i + 1);
                raw.put(header, cell);
                if (i >= headers.size()) {
                    violations.add(new FieldViolation(header, "columns", "the row has more cells than the header has"
                            + " columns (" + headers.size() + "): a delimiter inside an unquoted value shifts every cell"
                            + " after it, so the row is not imported; quote the value"));
                } else if (i < mapping.columns().size()) {
                    Target target = mapping.columns().get(i).target();
                    if (target != null) {
                        values.put(target, cell.strip());
                    }
                }
            }
            if (blank) {
                // ";;;;" lines spreadsheets leave at the end: nothing to import, nothing to report
                continue;
            }
            return new SourceRow(new RowReader.Cells(rowNumber, values), raw, violations);
        }
    }

    private static void closeQuietly(CsvRecords records) {
        if (records != null) {
            try {
                records.close();
            } catch (IOException ignored) {
                // read-only file
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(records);
    }

    private static String firstLine(Upload upload, Charset charset) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(upload.open(), charset))) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The file cannot be read part-way (an I/O failure of the spool). */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
