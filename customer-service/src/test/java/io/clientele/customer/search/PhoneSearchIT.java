package io.clientele.customer.search;

import static io.clientele.customer.CustomerMother.named;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C-4: the list finds a phone number however a person types it, as lookup (C-11) does. */
@CustomerServiceIT
class PhoneSearchIT {

    @LocalServerPort
    int port;

    UUID workspace;
    Api staff;
    Api owner;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        owner = Api.owner(port, workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+420 777 123 456", "00420777123456", "00420 777 123 456", "777 123 456", "777123456",
            "777-123-456", "(777) 123 456", "777 123", "123 45", "+420777"})
    void aCzechNumberIsFoundHoweverItIsTyped(String typed) {
        UUID jana = staff.create(with(named("Jana", "Nováková"), "phone", "+420 777 123 456"));
        staff.create(with(named("Petr", "Svoboda"), "phone", "+420 608 000 111"));
        staff.create(with(named("Eva", "Malá"), "phone", "+421 905 246 810"));

        assertThat(ids("q", typed)).containsExactly(jana.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"07911 123456", "07911123456", "+44 7911 123456", "0044 7911 123456", "7911 123456",
            "(07911) 123-456", "123 456"})
    void aBritishWorkspaceFindsNationalNumbersTypedWithTheirTrunkZero(String typed) {
        owner.put("/api/v1/customer-settings", Map.of("regularThreshold", 2, "defaultCountry", "GB"))
                .expectStatus().isOk();
        UUID oliver = staff.create(with(named("Oliver", "Smith"), "phone", "07911 123456"));
        staff.create(with(named("Amelia", "Jones"), "phone", "07812 654321"));

        assertThat(ids("q", typed)).containsExactly(oliver.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+420 777 123 456", "00420777123456", "777 123 456", "777-123-456", "(777) 123 456"})
    void whatLookupFindsByPhoneTheListFindsToo(String typed) {
        staff.create(with(named("Jana", "Nováková"), "phone", "+420 777 123 456"));
        staff.create(with(named("Petr", "Svoboda"), "phone", "+420 608 000 111"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> looked = (List<Map<String, Object>>) staff
                .json("/api/v1/customers/lookup?phone={p}", typed).get("matches");

        assertThat(looked).extracting(match -> match.get("id")).hasSize(1);
        assertThat(ids("q", typed)).containsExactlyElementsOf(looked.stream().map(m -> (String) m.get("id")).toList());
    }

    @Test
    void aNumberOfAnotherCountryIsFoundByItsOwnPrefix() {
        UUID eva = staff.create(with(named("Eva", "Malá"), "phone", "+421 905 777 123"));
        staff.create(with(named("Jana", "Nováková"), "phone", "+420 777 123 456"));

        assertThat(ids("q", "00421 905 777 123")).containsExactly(eva.toString());
        assertThat(ids("q", "905 777")).containsExactly(eva.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String parameter, String value) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) staff
                .json("/api/v1/customers?" + parameter + "={v}", value).get("items");
        return items.stream().map(row -> (String) row.get("id")).toList();
    }
}
