package app.backbone.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The repository's {@code docker-compose.yml} run by Debian's {@code docker-compose} as an operator runs it, as one
 * project, with settings given as environment variables (on top of the test's own: the {@code BACKBONE_*_IMAGE}
 * variables choose the images). Each command's output goes to files of its own: standard output to {@code .out},
 * messages to {@code .log}.
 */
final class Compose {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    /** Debian's client, which matches the engine {@code .ci/docker-engine} runs; any other on the path otherwise. */
    private static final String DOCKER = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";

    private final Path file;
    private final String project;
    private final Map<String, String> settings;
    private final Path logs;
    private int commands;

    Compose(Path file, String project, Map<String, String> settings, Path logs) throws IOException {
        this.file = file;
        this.project = project;
        this.settings = settings;
        this.logs = Files.createDirectories(logs);
    }

    /** Runs {@code docker-compose <args>} for the project and fails with the end of its output unless it succeeds. */
    String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", file.toString(), "-p", project));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    /** Runs {@code docker <args>} and fails unless it succeeds. */
    String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DOCKER));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        String name = String.format("%02d-%s", ++commands, command.get(command.size() - 1)
                .replaceAll("[^A-Za-z0-9.-]", "_"));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over " + COMMAND_TIMEOUT + "; see " + err);
        }
        String output = Files.readString(out);
        if (process.exitValue() != 0) {
            String messages = output + Files.readString(err);
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                    + messages.substring(Math.max(0, messages.length() - 4000)));
        }
        return output;
    }

    /** The health of each of the project's containers by service, or its state for one without a health check. */
    Map<String, String> health() throws IOException, InterruptedException {
        Map<String, String> health = new TreeMap<>();
        List<String> ids = compose("ps", "-q").lines().filter(line -> !line.isBlank()).toList();
        if (ids.isEmpty()) {
            return health;
        }
        List<String> inspect = new ArrayList<>(List.of("inspect", "-f", "{{index .Config.Labels "
                + "\"com.docker.compose.service\"}} {{if .State.Health}}{{.State.Health.Status}}{{else}}"
                + "{{.State.Status}}{{end}}"));
        inspect.addAll(ids);
        docker(inspect.toArray(String[]::new)).lines().filter(line -> !line.isBlank()).map(line -> line.split(" ", 2))
                .forEach(fields -> health.put(fields[0], fields[1]));
        return health;
    }

    /** Waits until these services' containers all report healthy; returns how long that took. */
    Duration awaitHealthy(List<String> services, Duration atMost) {
        long started = System.nanoTime();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).pollInSameThread().until(() -> {
            Map<String, String> health = health();
            return services.stream().allMatch(service -> "healthy".equals(health.get(service)));
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The project's named volumes. */
    List<String> volumes() throws IOException, InterruptedException {
        return docker("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project).lines()
                .filter(line -> !line.isBlank()).toList();
    }
}
