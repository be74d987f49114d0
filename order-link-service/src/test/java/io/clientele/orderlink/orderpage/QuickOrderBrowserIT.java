package io.clientele.orderlink.orderpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import io.clientele.testkit.browser.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * O-4 in a real browser: headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs)
 * on a phone-sized window opens a customer's link, fills the cart, and double-clicks "send"; the API then
 * holds exactly one order. Without Chromium on the machine the test is skipped, saying so.
 */
@ServiceIT
class QuickOrderBrowserIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    QuickOrderWorld world;
    WebDriver browser;

    @BeforeEach
    void aBrowser() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.start("--lang=cs");
        browser.manage().window().setSize(new Dimension(390, 844));
        world = new QuickOrderWorld(port, bootstrap);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aCustomerFillsTheCartOnAPhoneDoubleClicksSendAndPlacesOneOrder() {
        UUID customer = world.customer("Jana", "cs", "CZK", 10);
        UUID bolt = world.product("BOLT", "Šroub M8", Map.of("CZK", 269));
        UUID nut = world.product("NUT", "Matice M8", Map.of("CZK", 33.33));
        String page = world.link(customer);

        browser.get("http://localhost:" + port + page);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Rychlá objednávka");
        assertThat(browser.findElement(By.cssSelector("p.greeting")).getText()).isEqualTo("Ceny pro Jana Nováková");
        WebElement boltQuantity = browser.findElement(By.name("qty_" + bolt));
        boltQuantity.clear();
        boltQuantity.sendKeys("3");
        WebElement nutQuantity = browser.findElement(By.name("qty_" + nut));
        nutQuantity.clear();
        nutQuantity.sendKeys("7");
        browser.findElement(By.name("note")).sendKeys("Prosím do pátku");
        HeadlessChromium.screenshot(browser, "quick-order-page");
        WebElement send = browser.findElement(By.cssSelector("button[type=submit]"));
        new Actions(browser).scrollToElement(send).doubleClick(send).perform();

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h2.placed")));
        HeadlessChromium.screenshot(browser, "quick-order-placed");
        assertThat(browser.findElement(By.cssSelector("h2.placed")).getText()).isEqualTo("Objednávka č. 1 přijata");
        assertThat(browser.findElement(By.cssSelector("th.total")).getText()).contains("936,30");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) world.staff.json("/api/v1/orders").get("items");
        assertThat(orders).hasSize(1);
        assertThat(orders.getFirst()).containsEntry("total", 936.30).containsEntry("lineCount", 2);
    }
}
