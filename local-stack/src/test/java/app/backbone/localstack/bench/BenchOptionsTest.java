package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.localstack.bench.BenchOptions.Part;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsRunEverythingAtFullSize() {
        BenchOptions options = BenchOptions.parse(List.of(), ROOT);
        assertEquals(100_000, options.events());
        assertEquals(10_000, options.members());
        assertEquals(Duration.ofSeconds(20), options.restMeasured());
        assertEquals(Duration.ofSeconds(10), options.saturation());
        assertEquals(50, options.clients());
        assertEquals(3, options.starts());
        assertEquals(50, options.webhookRate());
        assertEquals(Duration.ofSeconds(60), options.webhooks());
        assertEquals(EnumSet.allOf(Part.class), options.parts());
        assertEquals(Path.of("/repo/BENCHMARKS.md"), options.output());
    }

    @Test
    void quickShortensAndOptionsOverride() {
        BenchOptions quick = BenchOptions.parse(List.of("--quick"), ROOT);
        assertEquals(20_000, quick.events());
        assertEquals(1, quick.starts());
        assertEquals(Duration.ofSeconds(5), quick.saturation());
        assertEquals(Duration.ofSeconds(20), quick.webhooks());
        BenchOptions options = BenchOptions.parse(List.of("--events", "50_000", "--quick", "--seconds", "12",
                "--only", "ingest, rest", "--output", "out/b.md"), ROOT);
        assertEquals(50_000, options.events());
        assertEquals(Duration.ofSeconds(12), options.restMeasured());
        assertEquals(Set.of(Part.INGEST, Part.REST), options.parts());
        assertEquals(Path.of("/repo/out/b.md"), options.output());
        assertEquals(Set.of(Part.NEXT_SESSION), BenchOptions.parse(List.of("--only", "next-session"), ROOT).parts());
        assertEquals(Set.of(Part.IMPORT), BenchOptions.parse(List.of("--only", "import"), ROOT).parts());
        BenchOptions webhooks = BenchOptions.parse(List.of("--only", "webhooks", "--webhook-rate", "15",
                "--webhook-seconds", "30"), ROOT);
        assertEquals(Set.of(Part.WEBHOOKS), webhooks.parts());
        assertEquals(15, webhooks.webhookRate());
        assertEquals(Duration.ofSeconds(30), webhooks.webhooks());
    }

    @Test
    void refusesUnknownOrIncompleteOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--events"), ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--events", "-5"), ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--fast"), ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--webhook-rate", "0"), ROOT));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--only", "ingest,x"), ROOT));
    }
}
