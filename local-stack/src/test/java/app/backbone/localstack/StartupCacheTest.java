package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void aNewBuildToBeTrainedDeletesTheServicesCachesOfOtherBuildsAndLeavesEverythingElse() throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path jar = Files.createDirectories(dir.resolve("app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "build one");
        Path caches = Files.createDirectories(dir.resolve("caches"));
        for (String name : List.of("catalog-service-1a2b-jdk25.aot", "catalog-service-3c4d-jdk25.aot.config",
                "catalog-service-5e6f-jdk21.jsa", "program-service-1a2b-jdk25.aot", "notes.txt")) {
            Files.writeString(caches.resolve(name), "x");
        }

        List<String> options = StartupCache.options(jdk, caches, "catalog-service", jar);

        assertEquals(1, options.size());
        String written = options.get(0).substring("-XX:AOTCacheOutput=".length());
        assertEquals(Set.of("program-service-1a2b-jdk25.aot", "notes.txt"), names(caches));
        Files.writeString(Path.of(written), "trained");
        assertEquals(List.of("-XX:AOTCache=" + written), StartupCache.options(jdk, caches, "catalog-service", jar));
        assertEquals(Set.of("program-service-1a2b-jdk25.aot", "notes.txt", Path.of(written).getFileName().toString()),
                names(caches));
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
