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

    /**
     * Issue 13, item 13: N messages to N customers, then N more to the same customers, are 2N files, each
     * with its own recipient and content. The sink used to write the received list by position, but that
     * list is grouped by mailbox: the second round's files were copies of first-round messages to others.
     */
    @Test
    void everyMessageIsKeptInAFileOfItsOwnWhateverTheOrderOfRecipients() throws Exception {
        int customers = 4;
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(1, 0, 0, 0, state.resolve("infra.env"))) {
            Session session = session(infrastructure.smtpPort());
            for (int round = 1; round <= 2; round++) {
                for (int customer = 1; customer <= customers; customer++) {
                    sendTo(session, "customer" + customer + "@example.cz", "round " + round + " for customer " + customer);
                }
                int expected = round * customers;
                await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(infrastructure.mailDirectory()).size() == expected);
            }

            List<Path> files = emlFiles(infrastructure.mailDirectory());
            assertThat(files).hasSize(2 * customers);
            java.util.Set<String> contents = new java.util.HashSet<>();
            for (Path file : files) {
                String recipient;
                String body;
                try (var in = Files.newInputStream(file)) {
                    MimeMessage kept = new MimeMessage(Session.getInstance(new Properties()), in);
                    recipient = kept.getRecipients(Message.RecipientType.TO)[0].toString();
                    body = kept.getContent().toString().strip();
                }
                assertThat(body).as(file + " is the message to its own recipient").endsWith("for " + recipient
                        .substring(0, recipient.indexOf('@')).replace("customer", "customer "));
                contents.add(body);
            }
            assertThat(contents).as("no file is a copy of another").hasSize(2 * customers);
        }
    }

    @Test
    void aLaterRunNumbersOnAfterTheFilesAnEarlierRunLeft() throws Exception {
        try (LocalInfrastructure first = LocalInfrastructure.start(1, 0, 0, 0, state.resolve("infra.env"))) {
            sendTo(session(first.smtpPort()), "jana@example.cz", "first run");
            await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(first.mailDirectory()).size() == 1);
        }
        try (LocalInfrastructure second = LocalInfrastructure.start(1, 0, 0, 0, state.resolve("infra.env"))) {
            sendTo(session(second.smtpPort()), "petr@example.cz", "second run");
            await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(second.mailDirectory()).size() == 2);
            assertThat(Files.readString(second.mailDirectory().resolve("000001.eml"))).contains("first run");
            assertThat(Files.readString(second.mailDirectory().resolve("000002.eml"))).contains("second run");
        }
    }

    private static Session session(int port) {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(smtp);
    }

    private static void sendTo(Session session, String recipient, String text) throws Exception {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("shop@example.cz"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        mail.setSubject("Message " + text);
        mail.setText(text);
        Transport.send(mail);
    }

    private static List<Path> emlFiles(Path directory) throws java.io.IOException {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }
}
