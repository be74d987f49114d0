package io.clientele.customer.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read record by record (FastCSV: RFC 4180, quoted fields with line breaks). The first
 * record is the header. Rows are numbered as a spreadsheet shows them: the header is row 1.
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

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> headers;
    private final ColumnMapping mapping;
    private long rowNumber = 1;

    private CsvSource(CsvReader<CsvRecord> reader, List<String> headers, ColumnMapping mapping) {
        this.reader = reader;
        this.records = reader.iterator();
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
        try {
            Reader in = new BufferedReader(new InputStreamReader(upload.open(), format.charset()), 256 * 1024);
            // Empty lines are read (and skipped by next()) so that row numbers stay those of a spreadsheet;
            // rows with fewer or more cells than the header are read as they are.
            CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(format.delimiter()).skipEmptyLines(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(in);
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                reader.close();
                throw InvalidInputException.of("file", "header", "the file has no header line");
            }
            List<String> headers = new ArrayList<>();
            for (String header : records.next().getFields()) {
                headers.add(header.strip());
            }
            return new CsvSource(reader, Collections.unmodifiableList(headers), mapping);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (CsvParseException unreadable) {
            throw InvalidInputException.of("file", "csv", "the header line cannot be read: " + unreadable.getMessage());
        }
    }

    @Override
    public SourceRow next() {
        while (true) {
            CsvRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (CsvParseException | UncheckedIOException unreadable) {
                throw new UnreadableFile("the file cannot be read past row " + rowNumber + ": "
                        + unreadable.getMessage(), unreadable);
            }
            rowNumber++;
            Map<Target, String> values = new HashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            boolean blank = true;
            for (int i = 0; i < record.getFieldCount(); i++) {
                String cell = record.getField(i);
                String header = i < headers.size() ? headers.get(i) : "column " + (i + 1);
                if (!cell.isBlank()) {
                    blank = false;
                    raw.put(header, cell);
                    if (i < mapping.columns().size()) {
                        Target target = mapping.columns().get(i).target();
                        if (target != null) {
                            values.put(target, cell.strip());
                        }
                    }
                }
            }
            if (blank) {
                // ";;;;" lines spreadsheets leave at the end: nothing to import, nothing to report
                continue;
            }
            return new SourceRow(new RowReader.Cells(rowNumber, values), raw, List.of());
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }

    private static String firstLine(Upload upload, Charset charset) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(upload.open(), charset))) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The file stops being CSV part-way (an unterminated quote, say). */
    static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
