package io.clientele.testkit.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its jar as a separate process, the way it runs in production: what the
 * benchmarks measure from the outside.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    /** The share of traces deployments sample. */
    public static final String DEPLOYED_SAMPLING = "0.1";

    private final int port;
    private final Path log;
    private final String java;

    private ServiceProcess(Process process, int port, Path log, String java) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.java = java;
    }

    public static ServiceProcess start(Path jar, int port, Map<String, String> environment, Path log, String... jvmOptions)
            throws IOException {
        return launch(List.of("-jar", jar.toString()), port, environment, log, jvmOptions);
    }

    /** Starts {@code mainClass} from {@code classpath} instead of an executable jar, with the same JDK. */
    public static ServiceProcess start(String classpath, String mainClass, int port, Map<String, String> environment,
            Path log, String... jvmOptions) throws IOException {
        return launch(List.of("-cp", classpath, mainClass), port, environment, log, jvmOptions);
    }

    private static ServiceProcess launch(List<String> program, int port, Map<String, String> environment, Path log,
            String... jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(program);
        command.add("--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // Traces sampled as compose and Kubernetes sample them (deploy/k8s/*/config.env), not as a developer's
        // machine does (everything): a benchmark measures the service as deployed. A caller may say otherwise.
        builder.environment().put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", DEPLOYED_SAMPLING);
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), port, log, java);
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        awaitReady(timeout, "/actuator/health/readiness");
    }

    /** Waits until {@code path} answers 200: for a process without the actuator's readiness probe. */
    public void awaitReady(Duration timeout, String path) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the service as a crash would: {@link Process#destroyForcibly()} is SIGKILL on Linux (kill -9), so no
     * shutdown hook, no graceful stop, nothing of it runs any more.
     *
     * @return the exit value: 137 (128 + 9) after a SIGKILL
     */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** For reading the process's own CPU counters. */
    public long pid() {
        return process.pid();
    }

    /**
     * The CPU time the service's process has used so far, all its threads together (user and system):
     * read before and after a stretch of sequential requests, it says what one request costs the service
     * itself, whatever else the shared machine was doing meanwhile.
     */
    public Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this OS does not report the CPU time of process "
                        + process.pid()));
    }

    /**
     * The time the service's JIT compilers have spent so far (HotSpot's {@code sun.ci} counters, read
     * with the JDK's {@code jcmd}). A benchmark warms a service up until this stops growing: a service
     * that has been running for a while compiles nothing, and compiler threads busy on two cores slow
     * down every request measured meanwhile.
     */
    public Duration compilationTime() throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process counters = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "PerfCounter.print")
                .redirectErrorStream(true).start();
        Map<String, Long> values = new HashMap<>();
        try (var lines = counters.inputReader().lines()) {
            lines.map(line -> line.split("=", 2))
                    .filter(pair -> pair.length == 2 && pair[1].matches("[0-9]+"))
                    .forEach(pair -> values.put(pair[0], Long.parseLong(pair[1])));
        }
        if (counters.waitFor() != 0 || !values.containsKey("sun.ci.standardTime")) {
            throw new IllegalStateException("could not read the compiler counters of process " + process.pid());
        }
        double ticksPerNano = values.getOrDefault("sun.os.hrt.frequency", 1_000_000_000L) / 1e9;
        long ticks = values.get("sun.ci.standardTime") + values.getOrDefault("sun.ci.osrTime", 0L);
        return Duration.ofNanos(Math.round(ticks / ticksPerNano));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The executable jar a module's build left in {@code <module>/target}, from the repository root or any
     * module beside it (a test runs in its module's directory).
     */
    public static Path jar(String module) {
        File dir = repositoryRoot().resolve(module).resolve("target").toFile();
        File[] jars = dir.listFiles((d, name) -> name.startsWith(module + "-") && name.endsWith(".jar")
                && !name.endsWith("-plain.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no jar in " + dir + "; build first: ./mvnw -DskipTests package -pl " + module);
        }
        return jars[0].toPath();
    }

    /** The checkout this runs in: the nearest directory up from the working directory that holds {@code mvnw}. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (dir.resolve("mvnw").toFile().isFile()) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository (no mvnw above " + here + ")");
    }
}
