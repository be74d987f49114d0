package io.clientele.orderlink.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {

    private static List<CatalogCsv.Record> read(String text) {
        List<String> lines = CatalogCsv.lines(text);
        return CatalogCsv.records(lines, CatalogCsv.delimiter(lines.getFirst()));
    }

    @Test
    void quotedCellsKeepDelimitersDoubledQuotesAndLineBreaks() {
        List<CatalogCsv.Record> records = read("sku;name;description\nA-1;\"Bolt; M8\";\"says \"\"hi\"\"\nline two\"\nA-2;Nut;x\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).cells()).containsExactly("A-1", "Bolt; M8", "says \"hi\"\nline two");
        assertThat(records.get(2).line()).isEqualTo(4);
        assertThat(records.get(2).cells()).containsExactly("A-2", "Nut", "x");
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsOwnRow() {
        List<CatalogCsv.Record> records = read("sku,name\nA-1,\"Bolt\nA-2,Nut\nA-3,Washer\n");

        assertThat(records.get(1).damage()).contains("opened on line 2").contains("never closed");
        assertThat(records.subList(2, 4)).extracting(CatalogCsv.Record::cells)
                .containsExactly(List.of("A-2", "Nut"), List.of("A-3", "Washer"));
    }

    @Test
    void aQuoteClosedByTextIsReportedAndTheNextLineReadAgain() {
        List<CatalogCsv.Record> records = read("sku,name\nA-1,\"Bolt\nA-2,\"Nut\"x\nA-3,Washer\n");

        assertThat(records.get(1).damage()).contains("by a quote followed by text");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.getLast().cells()).containsExactly("A-3", "Washer");
    }

    @Test
    void windows1250FilesAreReadAndAUtf8BomIsDropped() {
        assertThat(CatalogCsv.decode("sku;název\nA;Šroub\n".getBytes(Charset.forName("windows-1250"))))
                .isEqualTo("sku;název\nA;Šroub\n");
        assertThat(CatalogCsv.decode("\uFEFFsku\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("sku\n");
    }

    @Test
    void theHeaderDecidesTheDelimiter() {
        assertThat(CatalogCsv.delimiter("sku;name;price_CZK")).isEqualTo(';');
        assertThat(CatalogCsv.delimiter("sku,name")).isEqualTo(',');
        assertThat(CatalogCsv.delimiter("sku\tname")).isEqualTo('\t');
    }

    @Test
    void amountsTakeADecimalCommaOrPointAndThousandsSpaces() {
        assertThat(CatalogImport.amount("1 299,50")).isEqualByComparingTo("1299.50");
        assertThat(CatalogImport.amount("12.5")).isEqualByComparingTo("12.5");
        assertThat(CatalogImport.amount("1,299.50")).isNull();
        assertThat(CatalogImport.amount("abc")).isNull();
    }
}
