package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.platform.problem.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripThroughAUrl() {
        Cursor cursor = new Cursor("name", true, "cs-x-icu", List.of("Nováková Jana"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbageIsAFieldErrorNotACrash() {
        assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursor.decode("e30")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sortsAreParsedWithTheirDirection() {
        assertThat(CustomerSearch.Sort.parse(null)).isEqualTo(new CustomerSearch.Sort(SortField.NAME, false));
        assertThat(CustomerSearch.Sort.parse("discount,DESC")).isEqualTo(new CustomerSearch.Sort(SortField.DISCOUNT, true));
        assertThat(CustomerSearch.Sort.parse("lastNote").text()).isEqualTo("lastNote,asc");
        assertThatThrownBy(() -> CustomerSearch.Sort.parse("name,sideways")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CustomerSearch.Sort.parse("password")).isInstanceOf(InvalidInputException.class);
    }
}
