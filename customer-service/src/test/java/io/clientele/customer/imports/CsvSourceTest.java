package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    @TempDir
    Path spool;

    @Test
    void theDelimiterIsTheOneTheHeaderUsesOutsideQuotes() {
        assertThat(delimiter("\"Name, full\";Email;Phone\n")).isEqualTo(';');
        assertThat(delimiter("name,email,phone\n")).isEqualTo(',');
        assertThat(delimiter("name\temail\n")).isEqualTo('\t');
        assertThat(delimiter("name\n")).isEqualTo(',');
    }

    @Test
    void rowsAreNumberedAsASpreadsheetShowsThem() {
        List<RowSource.SourceRow> rows = rows("""
                name,email
                Jana,jana@example.cz

                "Petr
                Svoboda",petr@example.cz
                ,
                Eva,eva@example.cz,extra cell
                Lucie
                """);

        assertThat(rows).extracting(row -> row.cells().rowNumber()).containsExactly(2L, 4L, 6L, 7L);
        assertThat(rows.get(1).cells().values()).containsEntry(Target.of(ImportField.NAME), "Petr\nSvoboda");
        assertThat(rows.get(2).raw()).containsEntry("column 3", "extra cell");
        assertThat(rows.get(2).violations()).singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("more cells than the header"));
        assertThat(rows.get(1).violations()).isEmpty();
        assertThat(rows.get(3).cells().values()).isEqualTo(Map.of(Target.of(ImportField.NAME), "Lucie"));
    }

    @Test
    void trailingEmptyCellsAreNoExtraColumns() {
        List<RowSource.SourceRow> rows = rows("name,email\nJana,jana@example.cz,,,\n");

        assertThat(rows.getFirst().violations()).isEmpty();
    }

    private char delimiter(String csv) {
        Upload upload = Upload.spool(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), spool, 1_000_000);
        return CsvSource.delimiter(upload, StandardCharsets.UTF_8, null);
    }

    private List<RowSource.SourceRow> rows(String csv) {
        Upload upload = Upload.spool(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), spool, 1_000_000);
        CsvSource.Format format = new CsvSource.Format(StandardCharsets.UTF_8, ',');
        ColumnMapping mapping = ColumnMapping.of(CsvSource.headers(upload, format), Map.of(), List.of());
        List<RowSource.SourceRow> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(upload, format, mapping)) {
            RowSource.SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
