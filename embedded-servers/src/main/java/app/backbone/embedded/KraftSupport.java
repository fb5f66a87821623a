package app.backbone.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import kafka.tools.StorageTool;

/** What the embedded KRaft servers share: quiet loggers, a written config file and storage formatted by Kafka. */
final class KraftSupport {

    /** Held so the levels stay set: java.util.logging keeps only weak references to its loggers. */
    private static final Set<Logger> QUIETED = ConcurrentHashMap.newKeySet();

    private KraftSupport() {
    }

    /** Lowers Kafka's loggers to warnings, unless a level was configured for them. */
    static void quietLoggers() {
        quiet(Level.WARNING, "kafka", "state.change.logger", "org.apache.kafka");
    }

    /** Sets the loggers' level, unless one was configured for them. */
    static void quiet(Level level, String... names) {
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(level);
            }
            QUIETED.add(logger);
        }
    }

    /** Writes a server's properties to {@code file}, where {@link #format} and a reader of the logs find them. */
    static void writeConfig(Path file, Properties properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Written by Backbone's embedded Kafka at every start");
        }
    }

    /** Whether {@code logDir} already holds formatted storage. */
    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /**
     * Formats the log directories of the server configured in {@code configFile}.
     *
     * @param options further {@code kafka-storage format} arguments, such as {@code --add-scram}
     */
    static void format(Path configFile, String clusterId, String... options) {
        String[] args = Stream.concat(
                Stream.of("format", "--config", configFile.toString(), "--cluster-id", clusterId),
                Stream.of(options)).toArray(String[]::new);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(args, print);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
