package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.customer.customfields.CustomFields;
import io.clientele.customer.customfields.FieldType;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    static final List<CustomFields.Definition> CARD = List.of(new CustomFields.Definition("skinType", "Typ pleti",
            FieldType.TEXT, List.of(), Instant.EPOCH));

    @Test
    void theStandardColumnsAreTheStandardLayout() {
        ColumnMapping mapping = ColumnMapping.of(List.of("name", "email", "phone", "status", "marketing_consent"),
                Map.of(), List.of());

        assertThat(mapping.layout()).isEqualTo(ColumnMapping.Layout.STANDARD);
        assertThat(mapping.columns()).extracting(column -> column.target().apiName())
                .containsExactly("name", "email", "phone", "status", "marketingConsent");
    }

    @Test
    void theClientCardIsRecognisedByItsLabelsAndAnExplicitMappingWins() {
        ColumnMapping mapping = ColumnMapping.of(List.of("Telefon", "Typ pleti", "Tel. 2", "Poznámka"),
                Map.of("Tel. 2", "", "4", "lastName"), CARD);

        assertThat(mapping.layout()).isEqualTo(ColumnMapping.Layout.CUSTOM);
        assertThat(mapping.columns()).extracting(column -> column.target() == null ? null : column.target().apiName())
                .containsExactly("phone", "customFields.skinType", null, "lastName");
    }

    @Test
    void aSecondColumnRecognisedAsTheSameFieldIsLeftOutButTwoMappedOnesAreAnError() {
        assertThat(ColumnMapping.of(List.of("Telefon", "Phone"), Map.of(), List.of()).columns())
                .extracting(ColumnMapping.Column::target).containsExactly(Target.of(ImportField.PHONE), null);

        assertThatThrownBy(() -> ColumnMapping.of(List.of("A", "B"), Map.of("A", "email", "B", "email"), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.getMessage())
                        .isNotNull());
    }

    @Test
    void aFileWithNothingToIdentifyAnyoneIsRefused() {
        assertThatThrownBy(() -> ColumnMapping.of(List.of("Shoe size"), Map.of(), List.of()))
                .isInstanceOf(InvalidInputException.class);
    }
}
