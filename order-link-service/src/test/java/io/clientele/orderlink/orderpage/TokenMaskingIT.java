package io.clientele.orderlink.orderpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.orderlink.PublicPage;
import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No token reaches a log: the access log (on in every test, see ServiceIT) prints the masked path, and nothing else prints it. */
@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class TokenMaskingIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    /** Where Tomcat writes (the directory's name was drawn once, when the properties were bound). */
    @Autowired
    TomcatServerProperties server;

    @Test
    void theAccessLogAndTheConsoleNeverShowAToken(CapturedOutput output) throws IOException {
        QuickOrderWorld world = new QuickOrderWorld(port, bootstrap);
        try {
            UUID customer = world.customer("Jana", "en", "EUR", 0);
            UUID product = world.product("A", "Anchor", Map.of("EUR", 3));
            String page = world.link(customer);
            String token = page.substring(3);
            PublicPage browser = new PublicPage(port);
            String key = PublicPage.idempotencyKey(browser.get(page).body());
            browser.submit(page, Map.of("idempotencyKey", key, "qty_" + product, "x"));
            String placed = browser.submit(page, Map.of("idempotencyKey", key, "qty_" + product, "2"))
                    .headers().firstValue("Location").orElseThrow();
            browser.get(page + "/" + placed.substring(placed.indexOf('/') + 1));
            browser.get(page + "/no/such/thing");

            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> accessLog().contains("/q/***/orders/"));
            String log = accessLog();
            assertThat(log).contains("\"GET /q/*** HTTP/1.1\" 200").contains("\"POST /q/*** HTTP/1.1\" 400")
                    .contains("\"POST /q/*** HTTP/1.1\" 303").contains("/q/***/no/such/thing");
            assertThat(log).doesNotContain(token);
            assertThat(output.getAll()).doesNotContain(token);
        } finally {
            world.close();
        }
    }

    private String accessLog() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(server.getAccesslog().getDirectory()))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        }
    }
}
