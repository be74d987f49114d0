package io.clientele.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresCopyLineTest {

    @Test
    void plainValuesAreWrittenAsTheyAreAndSeparatedByTabs() {
        UUID id = UUID.fromString("01a23394-74aa-7e8d-8a1d-c4aa3e2c3a7c");
        String line = PostgresCopy.Line.standalone().text("Nováková").value(id).value(true).value(42)
                .value(Instant.parse("2026-12-01T10:00:00Z")).toString();

        assertThat(line).isEqualTo("Nováková\t" + id + "\tt\t42\t2026-12-01T10:00:00Z");
    }

    @Test
    void copysSpecialCharactersAreEscapedWhereverTheyStand() {
        assertThat(PostgresCopy.Line.standalone().text("\\a\tb\nc\rd\\").toString()).isEqualTo("\\\\a\\tb\\nc\\rd\\\\");
        assertThat(PostgresCopy.Line.standalone().text("\t").toString()).isEqualTo("\\t");
        assertThat(PostgresCopy.Line.standalone().text("a\n\nb").toString()).isEqualTo("a\\n\\nb");
    }

    @Test
    void nullIsCopysNullMarkerAndAnEmptyTextStaysEmpty() {
        assertThat(PostgresCopy.Line.standalone().text(null).text("").text("x").toString()).isEqualTo("\\N\t\tx");
    }

    @Test
    void arraysQuoteTheirElements() {
        assertThat(PostgresCopy.Line.standalone().array(List.of("a\"b", "c\\d")).toString())
                .isEqualTo("{\"a\\\\\"b\",\"c\\\\\\\\d\"}");
    }
}
