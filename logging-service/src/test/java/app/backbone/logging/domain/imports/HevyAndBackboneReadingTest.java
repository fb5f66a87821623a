package app.backbone.logging.domain.imports;

import static app.backbone.logging.domain.imports.Reading.set;
import static app.backbone.logging.domain.imports.Reading.warmup;
import static app.backbone.logging.domain.imports.Reading.working;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hevy's metric and imperial exports and Backbone's own. The imperial file reproduces the structure of a public
 * export (Jake-Leicht/Hevy-Dashboard-App, src/assets/HevyData_20240912.csv: unquoted header, only the dates
 * quoted, newest workout first) with rows of our own.
 */
class HevyAndBackboneReadingTest {

    @Test
    void hevyMetricWithEverySetType() {
        Reading reading = Reading.resource("hevy-metric.csv", ImportSource.HEVY, "Europe/Berlin", WeightUnit.LB);

        assertThat(reading.variant()).isEqualTo("hevy-metric");
        assertThat(reading.rows()).isEqualTo(8);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.skipped()).isEqualTo(Map.of("distance only", 1L));
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout push = reading.workouts().get(0);
        assertThat(push.title()).isEqualTo("Push Day");
        assertThat(push.startedAt()).isEqualTo(Instant.parse("2026-03-02T18:59:00Z"));
        assertThat(push.completedAt()).isEqualTo(Instant.parse("2026-03-02T20:02:00Z"));
        assertThat(push.firstLine()).isEqualTo(2);
        assertThat(push.lastLine()).isEqualTo(7);
        assertThat(push.exercises()).extracting(ImportedExercise::name).containsExactly("Bench Press (Barbell)",
                "Plank");
        assertThat(push.exercises().get(0).sets()).containsExactly(warmup(2, 10, "40.00"),
                working(3, 8, "80.00", 2), set(4, 6, "80.00", 0, true, null, false), working(5, 10, "60.00", null));
        assertThat(push.exercises().get(1).sets()).containsExactly(set(6, null, null, null, false, 60, false));
        ImportedWorkout pull = reading.workouts().get(1);
        assertThat(pull.startedAt()).isEqualTo(Instant.parse("2026-03-09T06:05:00Z"));
        assertThat(pull.completedAt()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(pull.exercises().get(0).sets()).containsExactly(working(8, 12, "55.00", 2));
    }

    @Test
    void hevyImperialInPounds() {
        Reading reading = Reading.resource("hevy-imperial.csv", ImportSource.HEVY, null, WeightUnit.KG);

        assertThat(reading.variant()).isEqualTo("hevy-imperial");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout back = reading.workouts().get(0);
        assertThat(back.title()).isEqualTo("Back in Black - AC/DC");
        assertThat(back.startedAt()).isEqualTo(Instant.parse("2024-09-11T22:02:00Z"));
        // 75 lb = 34.0194, 45 lb = 20.4117, 120 lb = 54.4311, 122.5 lb = 55.5651 kg
        assertThat(back.exercises()).flatExtracting(ImportedExercise::sets).containsExactly(
                warmup(2, 15, "34.02"), working(3, 15, "20.41", null), working(4, 14, "54.43", null),
                working(5, 11, "55.57", null));
        ImportedWorkout legs = reading.workouts().get(1);
        assertThat(legs.startedAt()).isEqualTo(Instant.parse("2024-09-09T21:58:00Z"));
        assertThat(legs.exercises().get(0).sets()).containsExactly(working(6, 12, "83.91", null));
        assertThat(legs.exercises().get(1).sets()).containsExactly(set(7, null, null, null, false, 240, false));
    }

    @Test
    void hevyDatesInTheFormsPhonesWrite() {
        String header = String.join(",", HevyRows.METRIC) + "\n";
        Reading reading = Reading.text(header
                + "A,\"Mar 2, 2026, 7:59 PM\",\"Mar 2, 2026, 9:02 PM\",,Pull Up,,,0,normal,,8,,,\n"
                + "B,\"05.06.2026, 07:30\",\"05.06.2026, 08:30\",,Pull Up,,,0,normal,,8,,,\n"
                + "C,2026-06-07T07:30:00Z,2026-06-07T08:30:00Z,,Pull Up,,,0,normal,,8,,,\n", ImportSource.HEVY);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).extracting(ImportedWorkout::startedAt).containsExactly(
                Instant.parse("2026-03-02T19:59:00Z"), Instant.parse("2026-06-05T07:30:00Z"),
                Instant.parse("2026-06-07T07:30:00Z"));
    }

    @Test
    void backboneOwnExportWithPrescriptions() {
        Reading reading = Reading.resource("backbone.csv", ImportSource.BACKBONE, "Europe/Berlin", WeightUnit.LB);

        assertThat(reading.variant()).isEqualTo("backbone");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.title()).isEqualTo("s-1");
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-03-02T18:59:00Z")).isEqualTo(first.completedAt());
        assertThat(first.exercises()).containsExactly(
                new ImportedExercise("barbell-bench-press", new ImportedPrescription(3, 6, 8),
                        List.of(warmup(2, 10, "40.00"), working(3, 8, "80.00", 2))),
                new ImportedExercise("pull-up", new ImportedPrescription(3, 5, 8),
                        List.of(set(4, 6, null, 0, true, null, false))));
        ImportedWorkout second = reading.workouts().get(1);
        assertThat(second.exercises()).containsExactly(new ImportedExercise("dead-hang", null,
                List.of(set(5, null, null, null, false, 45, false))));
    }
}
