package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local SMTP and SMS sinks communication-service sends to in a local run. */
class CommunicationSinksIT {

    @TempDir
    Path state;

    @Test
    void mailIsKeptAsFilesAndAnSmsIsLoggedOncePerIdempotencyKey() throws Exception {
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(1, 0, 0, 0, state.resolve("infra.env"))) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(infrastructure.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
            mail.setFrom(new InternetAddress("shop@example.cz"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("jana@example.cz"));
            mail.setSubject("Hello from the local run");
            mail.setText("Text");
            Transport.send(mail);

            Path file = infrastructure.mailDirectory().resolve("000001.eml");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && Files.size(file) > 0);
            assertThat(Files.readString(file)).contains("Subject: Hello from the local run").contains("jana@example.cz");

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest sms = HttpRequest.newBuilder(URI.create(infrastructure.smsUrl() + "/messages"))
                    .header("Idempotency-Key", "message-1").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"+420777123456\", \"text\": \"Hi\"}")).build();
            HttpResponse<String> first = http.send(sms, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = http.send(sms, HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            List<String> logged = Files.readAllLines(infrastructure.smsLog());
            assertThat(logged).hasSize(1);
            assertThat(logged.getFirst()).contains("+420777123456");
            assertThat(Files.readString(state.resolve("infra.env")))
                    .contains("SMTP_PORT=" + infrastructure.smtpPort())
                    .contains("SMS_URL=" + infrastructure.smsUrl());
        }
    }
}
