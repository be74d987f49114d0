package io.clientele.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times HTTP requests with curl: like psql, a C client on one kept-alive connection, so that the API
 * and the SQL are measured from the same kind of client (a JVM client would add its own overhead).
 */
final class Curl {

    private final String authorization;

    Curl(String token) {
        this.authorization = "Authorization: Bearer " + token;
    }

    /** GETs {@code url} {@code warmup + iterations} times and returns the measured runs' total times. */
    Latencies time(String url, int warmup, int iterations) throws IOException, InterruptedException {
        StringBuilder config = new StringBuilder("header = \"" + authorization + "\"\n");
        for (int i = 0; i < warmup + iterations; i++) {
            config.append("url = \"").append(url).append("\"\noutput = \"/dev/null\"\n");
        }
        Path file = Files.createTempFile("bench", ".curl");
        try {
            Files.writeString(file, config);
            Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--fail", "--config", file.toString(),
                    "--write-out", "%{http_code} %{time_total}\\n").redirectErrorStream(true).start();
            List<String> lines = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (curl.waitFor() != 0) {
                throw new IllegalStateException("curl failed: " + lines.getLast());
            }
            List<Double> millis = new ArrayList<>();
            for (String line : lines.subList(warmup, lines.size())) {
                String[] parts = line.split(" ");
                if (!parts[0].equals("200")) {
                    throw new IllegalStateException("HTTP " + parts[0] + " from " + url);
                }
                millis.add(Double.parseDouble(parts[1]) * 1000);
            }
            return Latencies.of(millis);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
