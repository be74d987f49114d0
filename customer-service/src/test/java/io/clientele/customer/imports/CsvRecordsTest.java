package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvRecords.Record> records = read("""
                a;"b;c";"say ""hi""\";d\r
                "two\r
                lines";x;;\r
                plain "quote" inside;"  spaced"  ;last
                """, ';');

        assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(
                List.of("a", "b;c", "say \"hi\"", "d"),
                List.of("two\nlines", "x", "", ""),
                List.of("plain \"quote\" inside", "  spaced", "last"));
        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 4L);
        assertThat(records).noneMatch(CsvRecords.Record::damaged);
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsLineAndTheLinesItSwallowedAreReadAgain() throws IOException {
        List<CsvRecords.Record> records = read("""
                name,email
                Jana,jana@example.cz
                "Petr Svoboda,petr@example.cz
                Eva Černá,eva@example.cz
                "Marie" Malá,marie@example.cz
                Lucie,lucie@example.cz
                """, ',');

        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        CsvRecords.Record damaged = records.get(2);
        assertThat(damaged.damaged()).isTrue();
        assertThat(damaged.damage()).contains("cell 1", "line 3", "closed on line 5", "goes on with line 4");
        assertThat(damaged.fields()).containsExactly("\"Petr Svoboda,petr@example.cz");
        assertThat(records.get(3).fields()).containsExactly("Eva Černá", "eva@example.cz");
        // line 5 read on its own is damaged too (text after its closing quote); line 6 is fine
        assertThat(records.get(4).damaged()).isTrue();
        assertThat(records.get(5).fields()).containsExactly("Lucie", "lucie@example.cz");
    }

    @Test
    void aQuoteStillOpenAtTheEndOfTheFileCostsOnlyItsOwnRow() throws IOException {
        List<CsvRecords.Record> records = read("""
                Jana,"Nováková
                Petr,Svoboda
                Eva,Černá""", ',');

        assertThat(records).extracting(CsvRecords.Record::damaged).containsExactly(true, false, false);
        assertThat(records.get(0).damage()).contains("still open at the end of the file");
        assertThat(records.get(2).fields()).containsExactly("Eva", "Černá");
    }

    @Test
    void aQuotedValueMaySpanAHundredLinesButNotMore() throws IOException {
        String note = "line\n".repeat(CsvRecords.MAX_LINES_PER_FIELD - 1) + "end";
        String tooLong = "line\n".repeat(CsvRecords.MAX_LINES_PER_FIELD + 1) + "end";

        List<CsvRecords.Record> fine = read("a,\"" + note + "\"\nb,c\n", ',');
        List<CsvRecords.Record> damaged = read("a,\"" + tooLong + "\"\nb,c\n", ',');

        assertThat(fine).extracting(CsvRecords.Record::damaged).containsExactly(false, false);
        assertThat(fine.get(0).fields().get(1)).isEqualTo(note);
        assertThat(damaged.getFirst().damage()).contains("runs on past 100 lines");
        assertThat(damaged.getLast().fields()).containsExactly("b", "c");
        // every swallowed line came back as a record of its own
        assertThat(damaged).hasSize(1 + CsvRecords.MAX_LINES_PER_FIELD + 1 + 1);
    }

    @Test
    void blankLinesAreEmptyRecordsSoLineNumbersHold() throws IOException {
        List<CsvRecords.Record> records = read("a\n\n\r\nb\rc", ',');

        assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(List.of("a"), List.of(), List.of(),
                List.of("b"), List.of("c"));
    }

    private static List<CsvRecords.Record> read(String text, char delimiter) throws IOException {
        List<CsvRecords.Record> records = new ArrayList<>();
        try (CsvRecords reader = new CsvRecords(new StringReader(text), delimiter)) {
            CsvRecords.Record record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }
}
