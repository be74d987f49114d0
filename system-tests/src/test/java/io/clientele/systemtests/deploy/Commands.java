package io.clientele.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Debian tools the deployment checks run (kubectl, docker-compose), from the repository's root. */
final class Commands {

    /** system-tests runs from its own folder; the manifests are one level up. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Commands() {
    }

    record Result(int exit, String out, String err) {
    }

    /** Fails with what to install when the tool is missing: CI installs it (.ci/run), so a missing one is an error. */
    static Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of("/usr/bin", command[0]))
                || Files.isExecutable(Path.of("/usr/local/bin", command[0]));
        assertThat(present).as(command[0] + " is needed for this check: apt-get install "
                + (command[0].equals("kubectl") ? "kubectl" : "docker-compose") + " (.ci/run does)").isTrue();
        Path out = Files.createTempFile("command", ".out");
        Path err = Files.createTempFile("command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
