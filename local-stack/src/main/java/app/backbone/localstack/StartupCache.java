package app.backbone.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JVM options that let a service start from a class cache trained on an earlier run of the same build: on JDK 25
 * and later an AOT cache (JEP 483, 514 and 515: classes loaded and linked, method profiles), before that a dynamic
 * CDS archive. A run without a cache for its build writes one when the service exits cleanly; a cache that does
 * not fit the build or the JDK is named differently, so it is never used by mistake, and one whose writing did not
 * finish (the process killed while it assembled) is written again by the next run.
 */
final class StartupCache {

    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)[^\"]*\"");

    private StartupCache() {
    }

    /** The options for a service whose packaged application is {@code jar}'s directory. */
    static List<String> options(Path javaHome, Path cacheDir, String service, Path jar) {
        int feature = featureVersion(javaHome);
        if (feature < 17) {
            return List.of();
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + cacheDir, e);
        }
        boolean aot = feature >= 25;
        Path cache = cacheDir.resolve(service + "-" + buildKey(jar.getParent()) + "-jdk" + feature
                + (aot ? ".aot" : ".jsa"));
        boolean trained = complete(cache);
        if (!trained) {
            deleteOtherBuilds(cacheDir, service, cache);
        }
        if (aot) {
            // Mapped where it was written, the cache needs no relocation: that saves a pass over its 130 MB at each
            // start and leaves its read-only part shared with the page cache instead of copied into the process.
            return trained
                    ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-XX:AOTCache=" + cache)
                    : List.of("-XX:AOTCacheOutput=" + cache);
        }
        return List.of(trained ? "-XX:SharedArchiveFile=" + cache : "-XX:ArchiveClassesAtExit=" + cache);
    }

    /**
     * Whether the cache was written to its end: the JDK assembles an AOT cache from the configuration that the
     * training run leaves beside it ({@code <cache>.config}) and deletes that file once the cache is complete.
     */
    private static boolean complete(Path cache) {
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0
                    && !Files.exists(cache.resolveSibling(cache.getFileName() + ".config"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the service's caches of other builds and JDKs (and what their training left), which no start can use
     * again: a new build about to be trained makes them stale, and each is over 100 MB.
     */
    private static void deleteOtherBuilds(Path cacheDir, String service, Path keep) {
        Pattern stale = Pattern.compile(Pattern.quote(service) + "-[0-9a-f]+-jdk\\d+\\.(aot|aot\\.config|jsa)");
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(keep.getFileName().toString())
                    && stale.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + cacheDir, e);
        }
    }

    /** The JDK's feature version from its {@code release} file; 0 when unknown. */
    static int featureVersion(Path javaHome) {
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The newest JDK of {@code candidates} (JDK homes) that is newer than the running one, else the running one:
     * the services start markedly faster on JDK 25's AOT cache.
     */
    static Path newestJavaHome(Path running, List<Path> candidates) {
        Path best = running;
        int bestVersion = featureVersion(running);
        for (Path candidate : candidates) {
            int version = featureVersion(candidate);
            if (version > bestVersion && Files.isExecutable(candidate.resolve("bin/java"))) {
                best = candidate;
                bestVersion = version;
            }
        }
        return best;
    }

    /** The JDK homes installed side by side under {@code dir} (such as {@code /usr/lib/jvm}). */
    static List<Path> installedJavaHomes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.filter(home -> Files.isRegularFile(home.resolve("release"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String buildKey(Path appDir) {
        try (Stream<Path> files = Files.walk(appDir)) {
            long[] key = {0, 0};
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                try {
                    key[0] = Math.max(key[0], Files.getLastModifiedTime(file).toMillis());
                    key[1] = key[1] * 31 + Files.size(file) + file.getFileName().toString().hashCode();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return Long.toHexString(key[0]) + Long.toHexString(key[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + appDir, e);
        }
    }

    /** "JDK 25.0.3 (vendor) at home", from the JDK's {@code release} file. */
    static String describe(Path javaHome) {
        try {
            String release = Files.readString(javaHome.resolve("release"));
            Matcher version = Pattern.compile("JAVA_VERSION=\"([^\"]+)\"").matcher(release);
            Matcher vendor = Pattern.compile("IMPLEMENTOR=\"([^\"]+)\"").matcher(release);
            return "JDK " + (version.find() ? version.group(1) : "?")
                    + (vendor.find() ? " (" + vendor.group(1) + ")" : "") + " at " + javaHome;
        } catch (IOException e) {
            return "JDK at " + javaHome;
        }
    }

    /** Where a JDK home is given explicitly, if it is. */
    static Optional<Path> explicitJavaHome(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }
}
