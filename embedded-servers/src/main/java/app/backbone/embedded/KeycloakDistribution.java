package app.backbone.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip the Maven build resolves into
 * the local repository), unpacked and built ({@code kc.sh build}) once per version and build options into a
 * directory under {@code java.io.tmpdir} that every start on the machine shares, and the Java runtime it needs.
 * {@code BACKBONE_KEYCLOAK_DIST} names another zip, {@code BACKBONE_KEYCLOAK_JAVA_HOME} another Java.
 */
final class KeycloakDistribution {

    /** Options fixed when the server is built: the file database, and no features Backbone does not use. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file",
            "--features-disabled=account,admin,impersonation,kerberos,device-flow,ciba,par,organization,opentelemetry");
    static final int MINIMUM_JAVA = 21;

    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    private static final long BUILD_TIMEOUT_MINUTES = 15;

    private KeycloakDistribution() {
    }

    /** The Keycloak version the build declared. */
    static String version() {
        return buildProperties().getProperty("version");
    }

    /**
     * The Java home to run Keycloak with: {@code BACKBONE_KEYCLOAK_JAVA_HOME}, else this JVM when it is recent
     * enough, else the newest JDK of at least {@link #MINIMUM_JAVA} under {@code /usr/lib/jvm}.
     */
    static Path javaHome() {
        String configured = System.getenv("BACKBONE_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= MINIMUM_JAVA) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> homes = Files.isDirectory(JVM_DIRECTORY) ? Files.list(JVM_DIRECTORY) : Stream.empty()) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home).orElse(0) >= MINIMUM_JAVA)
                    .max(Comparator.comparingInt(home -> featureVersion(home).orElse(0)))
                    .orElseThrow(() -> new IllegalStateException("Keycloak " + version() + " needs Java "
                            + MINIMUM_JAVA + " or newer: none under " + JVM_DIRECTORY
                            + "; name one with BACKBONE_KEYCLOAK_JAVA_HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + JVM_DIRECTORY, e);
        }
    }

    /**
     * The Java feature version a {@code release} file of a JDK states, such as 25 for {@code JAVA_VERSION="25.0.1"}.
     */
    static Optional<Integer> featureVersion(String releaseFile) {
        Matcher matcher = JAVA_VERSION.matcher(releaseFile);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Optional<Integer> featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        try {
            return Files.exists(release) ? featureVersion(Files.readString(release)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The built server, unpacking and building it first if no start on this machine has. Starts in other JVMs wait
     * on a file lock meanwhile.
     */
    static synchronized Path built(Path javaHome) throws IOException {
        String key = version() + "-" + HexFormat.of().toHexDigits(BUILD_OPTIONS.hashCode());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path built = tmp.resolve("backbone-keycloak-" + key);
        try (FileChannel lockFile = FileChannel.open(tmp.resolve("backbone-keycloak-" + key + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (!Files.isDirectory(built)) {
                Path unpacked = Files.createTempDirectory(tmp, "backbone-keycloak-build-");
                try {
                    unzip(zip(), unpacked);
                    run(javaHome, unpacked, unpacked.resolve("build.log"),
                            TimeUnit.MINUTES.toMillis(BUILD_TIMEOUT_MINUTES), "build", BUILD_OPTIONS);
                    Files.move(unpacked, built, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException e) {
                    deleteTree(unpacked);
                    throw e;
                }
            }
        }
        return built;
    }

    /**
     * Makes {@code home} a Keycloak home of its own over the built server: its own {@code bin}, {@code conf} and
     * {@code data}, the built server's {@code lib}, {@code themes} and {@code providers}, which a start with
     * {@code --optimized} only reads.
     */
    static void linkHome(Path built, Path home) throws IOException {
        for (String copied : List.of("bin", "conf")) {
            copyTree(built.resolve(copied), home.resolve(copied));
        }
        for (String linked : List.of("lib", "themes", "providers")) {
            Files.createSymbolicLink(home.resolve(linked), built.resolve(linked));
        }
        Files.createDirectories(home.resolve("data"));
    }

    /** A command line of {@code kc.sh} in {@code home}, run with {@code javaHome}. */
    static ProcessBuilder kc(Path javaHome, Path home, String command, List<String> options) {
        List<String> commandLine = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), command));
        commandLine.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        // C2 compilation at start costs more than it gains on a short-lived test server.
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        return builder;
    }

    /** Deletes a directory tree; symbolic links in it are removed, not followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** The last lines of a server log, for error messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void run(Path javaHome, Path home, Path log, long timeoutMillis, String command,
            List<String> options) throws IOException {
        Process process = kc(javaHome, home, command, options).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh " + command + " did not finish:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted during kc.sh " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kc.sh " + command + " failed (" + process.exitValue() + "):\n"
                    + tail(log));
        }
    }

    private static Path zip() {
        String configured = System.getenv("BACKBONE_KEYCLOAK_DIST");
        String version = version();
        Path zip = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(buildProperties().getProperty("local-repository"), "org", "keycloak", "keycloak-quarkus-dist",
                        version, "keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Keycloak distribution at " + zip + ": declare the dependency "
                    + "org.keycloak:keycloak-quarkus-dist:" + version
                    + ":zip in the module (test-support does) so that "
                    + "Maven fetches it, or name a zip with BACKBONE_KEYCLOAK_DIST");
        }
        return zip;
    }

    /** Unpacks the distribution's single top directory into {@code target}. */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                Path path = target.resolve(name.substring(slash + 1)).normalize();
                if (slash < 0 || !path.startsWith(target)) {
                    throw new IOException("Unexpected entry " + name + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        path.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, target.resolve(source.relativize(path).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read keycloak.properties", e);
        }
        return properties;
    }
}
