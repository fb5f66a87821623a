package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.localstack.bench.Figure.Ceiling;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

class ReportTest {

    private static final List<Figure> FIGURES = List.of(
            new Figure("a", "ingest", Unit.EVENTS_PER_SECOND, 4_000, Target.atLeast(5_000), List.of(
                    new Ceiling("Kafka", 80_000), new Ceiling("JDBC", 10_000))),
            Figure.of("b", "freshness p99", Unit.MILLISECONDS, 250, Target.below(1_000)),
            Figure.of("c", "search p50", Unit.MILLISECONDS, 3.456, null),
            Figure.of("d", "start", Unit.SECONDS, Double.NaN, Target.below(3)));

    @Test
    void tableHasOneRowPerFigureAndOneMorePerFurtherCeilingWithAlignedColumns() {
        List<String> lines = Report.table(FIGURES).lines().toList();
        assertEquals(7, lines.size());
        assertEquals("| a   | ingest        | ≥ 5,000 events/s | 4,000 events/s | 0.80              "
                + "| Kafka: 80,000 events/s | 0.05               | missed       |", lines.get(2));
        assertEquals("|     |               |                  |                |                   "
                + "| JDBC: 10,000 events/s  | 0.40               |              |", lines.get(3));
        assertTrue(lines.stream().allMatch(line -> line.length() == lines.get(0).length()));
        assertTrue(lines.get(1).matches("(\\| -+ )+\\|"));
    }

    @Test
    void resultsSayMetMissedNothingOrNotMeasured() {
        List<String> lines = Report.table(FIGURES).lines().toList();
        assertTrue(lines.get(2).endsWith("| missed       |"));
        assertTrue(lines.get(4).contains("< 1,000 ms") && lines.get(4).contains("| 250 ms ")
                && lines.get(4).contains("| 0.25 ") && lines.get(4).endsWith("| met          |"));
        assertTrue(lines.get(5).contains("| 3.46 ms ") && lines.get(5).endsWith("| —            |"));
        assertTrue(lines.get(6).contains("< 3.00 s") && lines.get(6).endsWith("| not measured |"));
    }

    @Test
    void targetsAreMetStrictlyBelowAndAtOrAbove() {
        assertEquals("met", Figure.of("a", "x", Unit.EVENTS_PER_SECOND, 5_000, Target.atLeast(5_000)).result());
        assertEquals("missed", Figure.of("b", "x", Unit.MILLISECONDS, 1_000, Target.below(1_000)).result());
    }

    @Test
    void aTargetOfTheCeilingIsAShareOfTheFirstCeiling() {
        Figure ingest = new Figure("a", "ingest", Unit.EVENTS_PER_SECOND, 8_500, Target.atLeastOfCeiling(0.8),
                List.of(new Ceiling("JDBC", 10_000)));
        assertEquals("≥ 0.80 × ceiling", ingest.targetText());
        assertEquals("1.06", ingest.targetRatio());
        assertEquals("0.85", ingest.ceilingRatio(ingest.ceilings().get(0)));
        assertEquals("met", ingest.result());
        assertEquals("missed", new Figure("c", "search", Unit.REQUESTS_PER_SECOND, 400,
                Target.atLeastOfCeiling(0.5), List.of(new Ceiling("no-op", 1_000))).result());
        assertEquals("not measured", new Figure("c", "search", Unit.REQUESTS_PER_SECOND, 400,
                Target.atLeastOfCeiling(0.5), List.of(new Ceiling("no-op", Double.NaN))).result());
    }

    @Test
    void unitsFormatForReading() {
        assertEquals("1,234 requests/s", Unit.REQUESTS_PER_SECOND.format(1_234.4));
        assertEquals("180 µs", Unit.MICROSECONDS.format(180.2));
        assertEquals("12,345 events/s", Unit.EVENTS_PER_SECOND.format(12_345.4));
        assertEquals("0.87 ms", Unit.MILLISECONDS.format(0.8712));
        assertEquals("25 ms", Unit.MILLISECONDS.format(25));
        assertEquals("42.5 ms", Unit.MILLISECONDS.format(42.51));
        assertEquals("1,234 ms", Unit.MILLISECONDS.format(1_234.4));
        assertEquals("2.41 s", Unit.SECONDS.format(2.414));
        assertEquals("288 MB", Unit.MEGABYTES.format(287.9));
    }

    @Test
    void documentCarriesTheRunFactsTheTableAndTheDetails() {
        String markdown = Report.markdown(new Report.RunInfo(Instant.parse("2026-03-01T10:15:30Z"), "abc123",
                "Some CPU, 2 CPUs, 8.0 GiB RAM, Linux 6.1", "OpenJDK 17", "./backbone bench --quick",
                Duration.ofSeconds(245)), FIGURES, List.of("(a) a detail"));
        assertTrue(markdown.startsWith("# Benchmarks\n"));
        assertTrue(markdown.contains("| date | 2026-03-01 10:15 UTC |"));
        assertTrue(markdown.contains("| commit | abc123 |"));
        assertTrue(markdown.contains("| machine | Some CPU, 2 CPUs, 8.0 GiB RAM, Linux 6.1 |"));
        assertTrue(markdown.contains("| JDK of the services | OpenJDK 17 |"));
        assertTrue(markdown.contains("| command | `./backbone bench --quick` |"));
        assertTrue(markdown.contains("| duration | 4 min 5 s |"));
        assertTrue(markdown.contains(Report.table(FIGURES)));
        assertTrue(markdown.contains("\n- (a) a detail\n"));
    }
}
