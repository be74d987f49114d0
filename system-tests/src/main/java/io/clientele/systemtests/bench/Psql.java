package io.clientele.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs SQL through the psql client, as a person measuring by hand would. */
final class Psql {

    private static final Pattern TIME = Pattern.compile("^Time: ([0-9.]+) ms", Pattern.MULTILINE);

    private final String host;
    private final int port;
    private final String user;
    private final String database;

    Psql(String host, int port, String user, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /** Runs a script, feeding it on standard input; returns standard output. */
    String run(String script, String... variables) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host,
                "-p", String.valueOf(port), "-U", user, "-d", database));
        for (String variable : variables) {
            command.add("-v");
            command.add(variable);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed:\n" + output);
        }
        return output;
    }

    String value(String sql) throws IOException, InterruptedException {
        return run("\\pset tuples_only on\n\\pset format unaligned\n" + sql + ";\n").strip();
    }

    /**
     * Runs a statement {@code warmup + iterations} times in one psql session with \timing, and returns
     * the times psql reports for the measured runs (client round trip, rows fetched and discarded).
     */
    Latencies time(String sql, int warmup, int iterations) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("\\timing on\n\\o /dev/null\n");
        for (int i = 0; i < warmup + iterations; i++) {
            script.append(sql).append(";\n");
        }
        Path file = Files.createTempFile("bench", ".sql");
        try {
            Files.writeString(file, script);
            Matcher matcher = TIME.matcher(run(script.toString()));
            List<Double> times = new ArrayList<>();
            while (matcher.find()) {
                times.add(Double.parseDouble(matcher.group(1)));
            }
            if (times.size() != warmup + iterations) {
                throw new IllegalStateException("expected " + (warmup + iterations) + " timings, got " + times.size());
            }
            return Latencies.of(times.subList(warmup, times.size()));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
