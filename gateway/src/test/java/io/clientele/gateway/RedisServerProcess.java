package io.clientele.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Redis for a test: its own {@code redis-server} process on a free port, nothing saved to disk, so
 * that a test can count against it and then stop it to see what the gateway does without it. Debian's
 * {@code redis-server} must be installed ({@code .ci/run} and the local run install it); without it the
 * test fails saying so, rather than passing without having tested anything.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Process process;

    private RedisServerProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static RedisServerProcess start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: the rate limit tests need a real Redis; install"
                    + " Debian's redis-server (apt-get install -y redis-server), as .ci/run does");
        }
        int port = freePort();
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            RedisServerProcess redis = new RedisServerProcess(port, process);
            redis.awaitAnswering(Duration.ofSeconds(10));
            return redis;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    int port() {
        return port;
    }

    /** Sends one inline command and returns Redis's raw answer (RESP), e.g. {@code +PONG}. */
    String command(String inline) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            // enough for the small answers the tests ask for; Redis sends them in one write
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Ends the process and waits until it is gone: from then on nothing answers on its port. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void awaitAnswering(Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (true) {
            try {
                if (command("PING").startsWith("+PONG")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(until) || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-server did not answer PING on port " + port);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(stopped);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
