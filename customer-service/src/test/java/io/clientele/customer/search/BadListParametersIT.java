package io.clientele.customer.search;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** C-4: a list parameter no list can be made of is a 400 problem naming it, never a 500. */
@CustomerServiceIT
class BadListParametersIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiterString = " => ", value = {
            "status => ,,,",
            "status => NEW,,BLOCKED",
            "temperature => ''",
            "stage => \0",
            "subscription => ,",
            "source => \0,MANUAL",
            "createdFrom => +999999999-12-31T23:59:59Z",
            "createdTo => -999999999-01-01T00:00:00Z",
            "createdTo => +10000-01-01T00:00:00Z",
            "q => nov\0ak"})
    void aBadValueIsAProblemNamingItsParameter(String parameter, String value) {
        Api.staff(port, UUID.randomUUID()).get("/api/v1/customers?" + parameter + "={v}", value)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
    }
}
