package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.browser.HeadlessChromium;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * G-4: one Swagger UI at the gateway lists every service's OpenAPI document, read through the gateway without
 * a token, and the gateway's own; with the bearer scheme a person authorizes once and tries calls, which go
 * through the gateway with the token. The services are real HTTP servers standing in, serving OpenAPI
 * documents of the shape springdoc writes with service-kit's set-up (src/test/resources/api-docs). The browser
 * part runs headless Chromium (Debian's chromium and chromium-driver) and is skipped, saying so, without it.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationIT {

    static final String CUSTOMER = "0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10";
    static final String STAFF_TOKEN = TestTokens.staff(UUID.fromString("5e1f0000-0000-4000-8000-000000000001"));

    /** Document name in the top bar -> the stand-in, its document, and a path the document has. */
    record Service(String name, String document, String aPath, RecordingUpstream upstream) {
    }

    static final List<Service> SERVICES = List.of(
            service("customer-service", "customer", "/api/v1/customers/{id}/status-history"),
            service("communication-service", "communication", "/api/v1/preferences/{customerId}/consents"),
            service("scenario-service", "scenario", "/api/v1/customers/{id}/planned-steps"),
            service("order-link-service", "order-link", "/api/v1/customers/{customerId}/orders"));

    static Service service(String name, String document, String aPath) {
        RecordingUpstream upstream = RecordingUpstream.answering(200, "{\"id\": \"" + CUSTOMER + "\", \"firstName\": \"Jana\"}")
                .answerOn("/v3/api-docs", 200, "application/json", resource("/api-docs/" + document + ".json"));
        return new Service(name, document, aPath, upstream);
    }

    @DynamicPropertySource
    static void servicesFromTheStandIns(DynamicPropertyRegistry properties) {
        Map<String, String> urls = Map.of("customer", "customer-url", "communication", "communication-url",
                "scenario", "scenario-url", "order-link", "order-link-url");
        SERVICES.forEach(service -> properties.add("clientele.services." + urls.get(service.document()),
                service.upstream()::url));
    }

    @AfterAll
    static void stopTheStandIns() {
        SERVICES.forEach(service -> service.upstream().close());
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        SERVICES.forEach(service -> service.upstream().forget());
    }

    @Test
    void eachServicesDocumentIsServedThroughTheGatewayWithoutAToken() throws InterruptedException {
        for (Service service : SERVICES) {
            client.get().uri("/api-docs/{document}", service.document()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.info.title").isEqualTo("Clientele " + service.name())
                    .jsonPath("$.paths['" + service.aPath() + "']").exists()
                    .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                    .jsonPath("$.servers[0].url").isEqualTo("/");
            RecordingUpstream.Received request = service.upstream().next();
            assertThat(request.uri().getRawPath()).isEqualTo("/v3/api-docs");
            assertThat(request.authorization()).isNull();
        }
    }

    @Test
    void theGatewaysOwnDocumentHasWhatItAnswersItselfWithTheBearerScheme() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/customers/{id}/overview'].get.parameters[*].name").isEqualTo(List.of("id"))
                .jsonPath("$.paths['/api/v1/customers/{id}/export'].get").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").exists()
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void theSwaggerUiListsEveryDocument() {
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat(names(urls)).containsExactlyInAnyOrder(
                        "/api-docs/customer", "/api-docs/communication", "/api-docs/scenario", "/api-docs/order-link",
                        "/v3/api-docs"))
                .jsonPath("$['urls.primaryName']").isEqualTo("customer-service");
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void inABrowserEachDocumentShowsItsOperationsAndATriedCallGoesThroughTheGatewayWithTheToken()
            throws InterruptedException {
        HeadlessChromium.assumeInstalled();
        WebDriver browser = HeadlessChromium.start("--window-size=1280,1600");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get("http://localhost:" + port + "/swagger-ui.html");
            for (Service service : SERVICES) {
                new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".topbar select"))))
                        .selectByVisibleText(service.name());
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                        "Clientele " + service.name()));
                wait.until(driver -> operationPaths(driver).contains(service.aPath()));
                assertThat(browser.findElements(By.cssSelector(".btn.authorize"))).isNotEmpty();
            }
            HeadlessChromium.screenshot(browser, "swagger-ui-order-link");

            new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText("customer-service");
            wait.until(driver -> operationPaths(driver).contains("/api/v1/customers/{id}"));
            authorize(browser, wait);
            try {
                tryGetCustomer(browser, wait);
            } finally {
                HeadlessChromium.screenshot(browser, "swagger-ui-tried-call");
            }

            RecordingUpstream customerService = SERVICES.getFirst().upstream();
            RecordingUpstream.Received call = customerService.next();
            while (call.uri().getRawPath().equals("/v3/api-docs")) {
                call = customerService.next();
            }
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.uri().getRawPath()).isEqualTo("/api/v1/customers/" + CUSTOMER);
            assertThat(call.authorization()).isEqualTo("Bearer " + STAFF_TOKEN);
        } finally {
            browser.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Object value) {
        return (List<Object>) value;
    }

    private static void authorize(WebDriver browser, WebDriverWait wait) {
        browser.findElement(By.cssSelector(".btn.authorize")).click();
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".auth-container input[type=text], .auth-container input[type=password]")));
        token.sendKeys(STAFF_TOKEN);
        browser.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
        browser.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();
    }

    private static void tryGetCustomer(WebDriver browser, WebDriverWait wait) {
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.id("operations-customer-controller-getApiVCustomersId")));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        WebElement tryOut = wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".try-out__btn")));
        if (tryOut.getText().contains("Try it out")) {
            tryOut.click(); // the gateway opens operations ready to try (try-it-out-enabled): then it says Cancel
        }
        wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".parameters input[placeholder='id']")))
                .sendKeys(CUSTOMER);
        wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".execute"))).click();
        wait.until(driver -> operation.findElements(By.cssSelector(".live-responses-table .response-col_status"))
                .stream().anyMatch(status -> status.getText().contains("200")));
    }

    /** The element under {@code parent} once it is rendered (Swagger UI renders an opened operation later). */
    private static By inside(WebElement parent, String css) {
        return new By() {
            @Override
            public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
                return parent.findElements(By.cssSelector(css));
            }
        };
    }

    private static List<String> operationPaths(WebDriver browser) {
        return browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(path -> path.getAttribute("data-path")).toList();
    }

    private static String resource(String path) {
        try (InputStream in = ApiDocumentationIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
