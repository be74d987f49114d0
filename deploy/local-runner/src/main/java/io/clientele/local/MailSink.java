package io.clientele.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server for local runs (GreenMail): communication-service sends its e-mail here, and every
 * message received is written to {@code <directory>/<n>.eml}, headers and all, to open in any mail
 * program or read as text. Nothing leaves the machine.
 */
final class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final GreenMail server;
    private final Path directory;
    private final Thread writer;
    private volatile boolean running = true;
    private int written;

    private MailSink(GreenMail server, Path directory) {
        this.server = server;
        this.directory = directory;
        this.writer = Thread.ofPlatform().name("mail-sink-writer").daemon().start(this::writeNewMail);
    }

    static MailSink start(int port, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot create " + directory, failure);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailSink(server, directory);
    }

    int port() {
        return server.getSmtp().getPort();
    }

    Path directory() {
        return directory;
    }

    /** How many messages arrived so far. */
    int received() {
        return server.getReceivedMessages().length;
    }

    private void writeNewMail() {
        while (running) {
            try {
                MimeMessage[] all = server.getReceivedMessages();
                for (; written < all.length; written++) {
                    MimeMessage message = all[written];
                    Path file = directory.resolve(String.format("%06d.eml", written + 1));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.writeTo(out);
                    }
                    log.info("Mail to {}: \"{}\" in {}", recipients(message), message.getSubject(), file);
                }
                Thread.sleep(250);
            } catch (InterruptedException stopped) {
                return;
            } catch (IOException | MessagingException | RuntimeException failure) {
                log.warn("Could not write a received mail: {}", failure.toString());
                written++;
            }
        }
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        return to == null ? "nobody" : Arrays.toString(to);
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        server.stop();
    }
}
