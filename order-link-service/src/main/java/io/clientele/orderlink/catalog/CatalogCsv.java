package io.clientele.orderlink.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a catalog file into records (RFC 4180: quoted cells may hold delimiters, doubled quotes and line
 * breaks), recovering from a damaged record instead of letting it swallow the rows after it.
 *
 * <p>A record is damaged when a quoted cell is closed by a quote followed by text, runs on past
 * {@value #MAX_LINES_PER_CELL} line breaks, or is still open at the end of the file. It is reported on
 * the line it opened, and reading goes on with the next line, so the rows it would have swallowed are
 * read as what they are. Catalogs are small (the import takes at most {@link CatalogImport#MAX_BYTES}),
 * so the file is split in memory; this is the same recovery customer-service's import has, for a file a
 * thousand times smaller.
 */
final class CatalogCsv {

    static final int MAX_LINES_PER_CELL = 20;

    /**
     * @param line   the line the record starts on (the header is line 1)
     * @param cells  its cells; empty for a blank line
     * @param damage why it cannot be read, or null
     */
    record Record(int line, List<String> cells, String damage) {
    }

    private CatalogCsv() {
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1250 (Czech and Slovak Excel). */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1250"));
        }
    }

    /** The delimiter the header line uses most: semicolon, comma or tab. */
    static char delimiter(String headerLine) {
        char best = ',';
        long bestCount = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = headerLine.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    static List<Record> records(List<String> lines, char delimiter) {
        List<Record> records = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            Parsed parsed = parse(lines, index, delimiter);
            records.add(parsed.record());
            index += parsed.damaged() ? 1 : parsed.linesUsed();
        }
        return records;
    }

    private record Parsed(Record record, int linesUsed, boolean damaged) {
    }

    private static Parsed parse(List<String> lines, int start, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int lineNo = start;
        String line = lines.get(start);
        int position = 0;
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int quoteOpenedOn = start;
        while (true) {
            if (position == line.length()) {
                if (!quoted) {
                    cells.add(cell.toString());
                    break;
                }
                if (lineNo + 1 >= lines.size() || lineNo + 1 - quoteOpenedOn > MAX_LINES_PER_CELL) {
                    String why = lineNo + 1 >= lines.size() ? "is never closed"
                            : "runs on past " + MAX_LINES_PER_CELL + " lines";
                    return damaged(start, "the quoted value in cell " + (cells.size() + 1) + " opened on line "
                            + (quoteOpenedOn + 1) + " " + why);
                }
                cell.append('\n');
                lineNo++;
                line = lines.get(lineNo);
                position = 0;
                continue;
            }
            char c = line.charAt(position++);
            if (quoted) {
                if (c == '"') {
                    if (position < line.length() && line.charAt(position) == '"') {
                        cell.append('"');
                        position++;
                    } else {
                        quoted = false;
                        if (position < line.length() && line.charAt(position) != delimiter) {
                            return damaged(start, "the quoted value in cell " + (cells.size() + 1) + " opened on line "
                                    + (quoteOpenedOn + 1) + " is closed on line " + (lineNo + 1)
                                    + " by a quote followed by text");
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == delimiter) {
                cells.add(cellWasQuoted ? cell.toString() : cell.toString().strip());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cellWasQuoted = true;
                quoteOpenedOn = lineNo;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cellWasQuoted && !cells.isEmpty()) {
            cells.set(cells.size() - 1, cells.getLast().strip());
        }
        boolean blank = cells.size() == 1 && cells.getFirst().isEmpty();
        return new Parsed(new Record(start + 1, blank ? List.of() : cells, null), lineNo - start + 1, false);
    }

    private static Parsed damaged(int start, String why) {
        return new Parsed(new Record(start + 1, List.of(), why), 1, true);
    }
}
