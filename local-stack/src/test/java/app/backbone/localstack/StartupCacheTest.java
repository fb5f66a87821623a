package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    @TempDir
    Path dir;
    private Path jdk;
    private Path jar;
    private Path caches;

    @BeforeEach
    void oneBuildOnJdk25() throws IOException {
        jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        jar = Files.createDirectories(dir.resolve("app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "build one");
        caches = Files.createDirectories(dir.resolve("caches"));
    }

    @Test
    void aNewBuildToBeTrainedDeletesTheServicesCachesOfOtherBuildsAndLeavesEverythingElse() throws IOException {
        for (String name : List.of("catalog-service-1a2b-jdk25.aot", "catalog-service-3c4d-jdk25.aot.config",
                "catalog-service-5e6f-jdk21.jsa", "program-service-1a2b-jdk25.aot", "notes.txt")) {
            Files.writeString(caches.resolve(name), "x");
        }

        List<String> options = StartupCache.options(jdk, caches, "catalog-service", jar);

        assertEquals(1, options.size());
        String written = options.get(0).substring("-XX:AOTCacheOutput=".length());
        assertEquals(Set.of("program-service-1a2b-jdk25.aot", "notes.txt"), names(caches));
        Files.writeString(Path.of(written), "trained");
        assertEquals(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-XX:AOTCache=" + written), StartupCache.options(jdk, caches, "catalog-service", jar));
        assertEquals(Set.of("program-service-1a2b-jdk25.aot", "notes.txt", Path.of(written).getFileName().toString()),
                names(caches));
    }

    @Test
    void aCacheWhoseAssemblyDidNotFinishIsTrainedAgain() throws IOException {
        Path cache = Path.of(StartupCache.options(jdk, caches, "catalog-service", jar).get(0)
                .substring("-XX:AOTCacheOutput=".length()));

        Files.writeString(cache.resolveSibling(cache.getFileName() + ".config"), "recorded");
        Files.createFile(cache);
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), StartupCache.options(jdk, caches, "catalog-service", jar));

        Files.writeString(cache, "half written");
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), StartupCache.options(jdk, caches, "catalog-service", jar));
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
