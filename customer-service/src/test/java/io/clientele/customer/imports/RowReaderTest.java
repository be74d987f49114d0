package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customfields.CustomFields;
import io.clientele.customer.customfields.FieldType;
import io.clientele.platform.problem.FieldViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    RowReader reader = new RowReader("CZ", Map.of(
            "skinType", new CustomFields.Definition("skinType", "Skin type", FieldType.CHOICE, List.of("dry", "oily"),
                    Instant.EPOCH),
            "visits", new CustomFields.Definition("visits", "Visits", FieldType.NUMBER, List.of(), Instant.EPOCH)));

    @Test
    void aWholeNameIsSplitIntoFirstAndLast() {
        assertThat(RowReader.splitName("Jana Nováková")).containsExactly("Jana", "Nováková");
        assertThat(RowReader.splitName("Anna Marie  Nováková")).containsExactly("Anna Marie", "Nováková");
        assertThat(RowReader.splitName("Nováková, Jana")).containsExactly("Jana", "Nováková");
        assertThat(RowReader.splitName("Jana")).containsExactly("Jana", null);
    }

    @Test
    void aGoodRowIsNormalised() {
        RowReader.Read read = reader.read(cells(Map.of(ImportField.NAME, "Jana Nováková", ImportField.PHONE,
                "777 123 456", ImportField.STATUS, "stálý", ImportField.MARKETING_CONSENT, "ano",
                ImportField.PREFERRED_LANGUAGE, "CS")));

        assertThat(read.rejected()).isFalse();
        assertThat(read.row().given().phone()).isEqualTo("+420777123456");
        assertThat(read.row().given().preferredLanguage()).isEqualTo("cs");
        assertThat(read.row().given().firstName()).isEqualTo("Jana");
        assertThat(read.row().status()).isEqualTo(LifecycleStatus.REGULAR);
        assertThat(read.row().marketingConsent()).isTrue();
        assertThat(read.row().rowNumber()).isEqualTo(7);
    }

    @Test
    void everyBadCellIsNamedAndTheRowRefusedWhole() {
        RowReader.Read read = reader.read(cells(Map.of(ImportField.NAME, "Jana", ImportField.EMAIL, "jana@",
                ImportField.PHONE, "12", ImportField.BIRTH_DATE, "2999-01-01", ImportField.COUNTRY, "Czechia")));

        assertThat(read.rejected()).isTrue();
        assertThat(read.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("email", "phone", "birthDate", "country");
    }

    @Test
    void overLongValuesAreRefusedRatherThanCut() {
        RowReader.Read read = reader.read(cells(Map.of(ImportField.LAST_NAME, "x".repeat(101))));

        assertThat(read.violations()).extracting(FieldViolation::code).containsExactly("Size");
    }

    @Test
    void aRowNamingNobodyIsRefused() {
        RowReader.Read read = reader.read(cells(Map.of(ImportField.CITY, "Brno")));

        assertThat(read.violations()).extracting(FieldViolation::field).containsExactly("name");
    }

    @Test
    void clientCardValuesAreTypedByTheirDefinition() {
        Map<Target, String> values = new LinkedHashMap<>();
        values.put(Target.of(ImportField.LAST_NAME), "Nováková");
        values.put(Target.custom("skinType"), "OILY");
        values.put(Target.custom("visits"), "12,5");

        RowReader.Read read = reader.read(new RowReader.Cells(2, values));

        assertThat(read.row().given().customFields()).containsEntry("skinType", "oily")
                .containsEntry("visits", new BigDecimal("12.5"));

        values.put(Target.custom("skinType"), "wet");
        assertThat(reader.read(new RowReader.Cells(2, values)).violations()).extracting(FieldViolation::field)
                .containsExactly("customFields.skinType");
    }

    private static RowReader.Cells cells(Map<ImportField, String> values) {
        Map<Target, String> cells = new LinkedHashMap<>();
        values.forEach((field, value) -> cells.put(Target.of(field), value));
        return new RowReader.Cells(7, cells);
    }
}
