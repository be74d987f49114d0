package io.clientele.customer.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold delimiters, doubled quotes and line
 * breaks) and recovers from a damaged one instead of letting it swallow the rest of the file.
 *
 * <p>A quote that is never closed turns every later line into one field in a streaming CSV reader: a
 * garbage customer, or one over-long row, and every good row after it lost without a word. Here a
 * record is <em>damaged</em> when its quoted field
 * <ul>
 *   <li>is closed by a quote followed by anything but a delimiter or the end of the line (the quote that
 *       "closed" it was really the opening quote of a field further down),</li>
 *   <li>runs on past {@value #MAX_LINES_PER_FIELD} line breaks or {@value #MAX_FIELD_LENGTH} characters, or</li>
 *   <li>is still open at the end of the file.</li>
 * </ul>
 * A damaged record is handed out as such, with the line it started on, and reading goes on from the line
 * after that one: the lines it had swallowed are read again as the records they are. So a quoted note may
 * legally span up to {@value #MAX_LINES_PER_FIELD} lines; a longer one is reported rather than imported.
 *
 * <p>Why not FastCSV (which reads the import's files otherwise fastest): going back to the line after a
 * damaged record needs the raw lines that record consumed, which a streaming reader's own buffering does
 * not give back; splitting records is a small state machine, and the cells are all this reader returns.
 */
final class CsvRecords implements Closeable {

    /** Line breaks one quoted field may span before its quote is taken for an unclosed one. */
    static final int MAX_LINES_PER_FIELD = 100;
    /** Characters one quoted field may hold before its quote is taken for an unclosed one. */
    static final int MAX_FIELD_LENGTH = 100_000;

    /**
     * One record.
     *
     * @param line   the physical line it starts on (the header is line 1)
     * @param fields its cells; empty for a blank line
     * @param damage why it cannot be read (its fields are then only the first line's text), or null
     */
    record Record(long line, List<String> fields, String damage) {

        boolean damaged() {
            return damage != null;
        }
    }

    private final Lines lines;
    private final char delimiter;
    /** Lines a damaged record had consumed beyond its first, to be read again. */
    private final Deque<Line> replay = new ArrayDeque<>();

    CsvRecords(Reader in, char delimiter) {
        this.lines = new Lines(in);
        this.delimiter = delimiter;
    }

    /** @return the next record, or null after the last line */
    Record next() throws IOException {
        Line first = nextLine();
        if (first == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        List<Line> consumed = null;
        Line line = first;
        int at = 0;
        String text = first.text();
        if (text.isEmpty()) {
            return new Record(first.number(), List.of(), null);
        }
        while (true) {
            // at the start of a field
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder field = new StringBuilder();
                int breaks = 0;
                at++;
                while (true) {
                    int quote = text.indexOf('"', at);
                    if (quote < 0) {
                        field.append(text, at, text.length());
                        if (++breaks > MAX_LINES_PER_FIELD || field.length() > MAX_FIELD_LENGTH) {
                            return damaged(first, consumed, fields.size(), "runs on past " + MAX_LINES_PER_FIELD
                                    + " lines or " + MAX_FIELD_LENGTH + " characters");
                        }
                        Line more = nextLine();
                        if (more == null) {
                            return damaged(first, consumed, fields.size(), "is still open at the end of the file");
                        }
                        if (consumed == null) {
                            consumed = new ArrayList<>();
                        }
                        consumed.add(more);
                        line = more;
                        text = more.text();
                        at = 0;
                        field.append('\n');
                        continue;
                    }
                    field.append(text, at, quote);
                    if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                        field.append('"');
                        at = quote + 2;
                        continue;
                    }
                    at = quote + 1;
                    // closed: only blanks may stand between the closing quote and the delimiter or line end
                    while (at < text.length() && text.charAt(at) != delimiter && isBlank(text.charAt(at))) {
                        at++;
                    }
                    if (at < text.length() && text.charAt(at) != delimiter) {
                        return damaged(first, consumed, fields.size(), line == first
                                ? "has text after its closing quote"
                                : "is closed on line " + line.number() + " by a quote followed by text");
                    }
                    break;
                }
                fields.add(field.toString());
            } else {
                int end = text.indexOf(delimiter, at);
                if (end < 0) {
                    end = text.length();
                }
                fields.add(text.substring(at, end));
                at = end;
            }
            if (at >= text.length()) {
                return new Record(first.number(), fields, null);
            }
            at++; // the delimiter
            if (at == text.length()) {
                fields.add("");
                return new Record(first.number(), fields, null);
            }
        }
    }

    private Record damaged(Line first, List<Line> consumed, int column, String why) {
        if (consumed != null) {
            for (int i = consumed.size() - 1; i >= 0; i--) {
                replay.addFirst(consumed.get(i));
            }
        }
        return new Record(first.number(), List.of(first.text()), "the quoted value in cell " + (column + 1)
                + " opened on line " + first.number() + " " + why + ": the row is not imported, and reading goes on"
                + " with line " + (first.number() + 1));
    }

    private Line nextLine() throws IOException {
        Line replayed = replay.pollFirst();
        return replayed != null ? replayed : lines.next();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private record Line(long number, String text) {
    }

    /** Physical lines ending in LF, CRLF or CR (the terminator dropped), numbered from 1. */
    private static final class Lines implements Closeable {

        private final Reader in;
        private final char[] buffer = new char[64 * 1024];
        private int position;
        private int limit;
        private long number;
        private boolean skipLf;

        Lines(Reader in) {
            this.in = in;
        }

        Line next() throws IOException {
            StringBuilder carried = null;
            while (true) {
                if (position >= limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return carried == null ? null : new Line(++number, carried.toString());
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buffer[position] == '\n') {
                        position++;
                        continue;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                    position++;
                }
                if (position < limit) {
                    String text = carried == null ? new String(buffer, start, position - start)
                            : carried.append(buffer, start, position - start).toString();
                    skipLf = buffer[position] == '\r';
                    position++;
                    return new Line(++number, text);
                }
                if (carried == null) {
                    carried = new StringBuilder();
                }
                carried.append(buffer, start, position - start);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
