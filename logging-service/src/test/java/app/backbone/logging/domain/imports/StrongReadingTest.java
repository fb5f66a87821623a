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
 * Strong's header variants. The semicolon, fully quoted layout and the older per-row-unit layout follow public
 * exports quoted in parsers' tests and READMEs (e.g. mtanzim/vis-strong-go README.md); the French names and the
 * {@code Minuteur de repos} rows follow a parser's test built on a real French export; the German file's names are
 * unverified.
 */
class StrongReadingTest {

    @Test
    void commaEnglishWithNotesInBerlinTime() {
        Reading reading = Reading.resource("strong-comma-en.csv", ImportSource.STRONG, "Europe/Berlin", null);

        assertThat(reading.variant()).isEqualTo("strong-comma-en");
        assertThat(reading.rows()).isEqualTo(12);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.skipped()).isEqualTo(Map.of("rest timer", 1L, "distance only", 1L));
        assertThat(reading.skippedRows()).isEqualTo(2);
        assertThat(reading.workouts()).hasSize(3);

        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.firstLine()).isEqualTo(2);
        assertThat(first.lastLine()).isEqualTo(10);
        assertThat(first.title()).isEqualTo("Pull Day");
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2024-03-04T17:02:11Z"));
        assertThat(first.completedAt()).isEqualTo(Instant.parse("2024-03-04T18:07:11Z"));
        assertThat(first.exercises()).extracting(ImportedExercise::name)
                .containsExactly("Deadlift (Barbell)", "Pull Up", "Bicep Curl (Dumbbell)");
        // the note of line 5 spans two lines, so the next row is line 7
        assertThat(first.exercises().get(0).sets()).containsExactly(
                warmup(2, 5, "60.00"), working(3, 5, "120.00", 2), working(5, 5, "120.00", 1));
        assertThat(first.exercises().get(1).sets()).containsExactly(
                working(7, 8, null, 1), set(8, 6, null, 0, true, null, false));
        assertThat(first.exercises().get(2).sets()).containsExactly(
                working(9, 10, "14.00", null), working(10, 8, "10.00", null));

        ImportedWorkout second = reading.workouts().get(1);
        assertThat(second.startedAt()).isEqualTo(Instant.parse("2024-03-11T17:10:00Z"));
        assertThat(second.completedAt()).isEqualTo(Instant.parse("2024-03-11T17:55:00Z"));
        assertThat(second.lastLine()).isEqualTo(12);
        assertThat(second.exercises()).singleElement().extracting(ImportedExercise::sets)
                .isEqualTo(List.of(working(11, 5, "125.00", 3)));

        ImportedWorkout third = reading.workouts().get(2);
        assertThat(third.completedAt()).isEqualTo(Instant.parse("2024-03-18T07:30:00Z"));
        assertThat(third.exercises().get(1).sets()).containsExactly(set(14, null, null, null, false, 60, false));
    }

    @Test
    void commaWithoutNotesOrUnitTakesTheChosenUnitAndSurvivesBomCrlfAndTrailingLine() {
        Reading reading = Reading.resource("strong-comma-no-notes-no-unit.csv", ImportSource.STRONG, null,
                WeightUnit.LB);

        assertThat(reading.variant()).isEqualTo("strong-comma-en");
        assertThat(reading.rows()).isEqualTo(5);
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2023-11-02T06:45:00Z"));
        assertThat(first.completedAt()).isEqualTo(Instant.parse("2023-11-02T07:35:00Z"));
        // 95 lb = 43.0913 kg, 135 lb = 61.2350 kg
        assertThat(first.exercises().get(0).sets()).containsExactly(
                warmup(2, 10, "43.09"), working(3, 8, "61.23", 2), working(4, 7, "61.23", 1));
        ImportedWorkout second = reading.workouts().get(1);
        assertThat(second.lastLine()).isEqualTo(6);
        // 140 lb = 63.5029 kg, 40 lb = 18.1437 kg
        assertThat(second.exercises()).extracting(e -> e.sets().get(0).loadKg().toPlainString())
                .containsExactly("63.50", "18.14");
    }

    @Test
    void withoutAnyUnitKilogramsAreTheDefault() {
        Reading reading = Reading.resource("strong-comma-no-notes-no-unit.csv", ImportSource.STRONG, null, null);

        assertThat(reading.workouts().get(0).exercises().get(0).sets().get(1).loadKg()).isEqualByComparingTo("135");
    }

    @Test
    void semicolonKilogramsWithDecimalCommasAndDurationInSeconds() {
        Reading reading = Reading.resource("strong-semicolon-kg.csv", ImportSource.STRONG, "UTC", WeightUnit.LB);

        assertThat(reading.variant()).isEqualTo("strong-semicolon-en");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.completedAt()).isEqualTo(Instant.parse("2025-01-06T18:35:00Z"));
        assertThat(first.exercises().get(0).sets()).containsExactly(
                warmup(2, 10, "40.00"), working(3, 8, "62.50", 2), working(4, 7, "62.50", 0));
        assertThat(first.exercises().get(1).sets()).containsExactly(working(5, 10, "52.50", null));
        ImportedWorkout second = reading.workouts().get(1);
        assertThat(second.exercises().get(1).name()).isEqualTo("Rowing Machine");
        assertThat(second.exercises().get(1).sets()).containsExactly(set(7, null, null, null, false, 480, false));
    }

    @Test
    void semicolonPoundsBecomeKilograms() {
        Reading reading = Reading.resource("strong-semicolon-lbs.csv", ImportSource.STRONG, "UTC", WeightUnit.KG);

        assertThat(reading.variant()).isEqualTo("strong-semicolon-en");
        assertThat(reading.errors()).isEmpty();
        // 135 lb = 61.2350, 185 lb = 83.9146, 102.5 lb = 46.4932, 190 lb = 86.1826 kg
        assertThat(reading.workouts().get(0).exercises()).flatExtracting(ImportedExercise::sets)
                .containsExactly(warmup(2, 5, "61.23"), working(3, 5, "83.91", null), working(4, 10, "46.49", null));
        assertThat(reading.workouts().get(1).exercises().get(0).sets()).containsExactly(
                working(5, 5, "86.18", null));
        assertThat(reading.workouts().get(1).completedAt()).isEqualTo(Instant.parse("2024-06-08T11:10:00Z"));
    }

    @Test
    void olderLayoutWithAUnitOnEveryRow() {
        Reading reading = Reading.resource("strong-older-row-units.csv", ImportSource.STRONG, "UTC", WeightUnit.LB);

        assertThat(reading.variant()).isEqualTo("strong-semicolon-en-row-units");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2019-01-11T12:31:54Z"));
        assertThat(first.completedAt()).isEqualTo(first.startedAt());
        assertThat(first.exercises().get(0).sets()).containsExactly(
                working(2, 5, "100.00", null), working(3, 4, "102.06", null));
        assertThat(reading.workouts().get(1).exercises().get(0).sets()).containsExactly(
                working(4, 10, "60.00", 2));
    }

    @Test
    void germanHeaderWithItsRestTimer() {
        Reading reading = Reading.resource("strong-semicolon-de.csv", ImportSource.STRONG, "Europe/Berlin", null);

        assertThat(reading.variant()).isEqualTo("strong-semicolon-de");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.skipped()).isEqualTo(Map.of("rest timer", 1L));
        assertThat(reading.workouts()).hasSize(2);
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.title()).isEqualTo("Oberkörper");
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2024-05-02T17:00:00Z"));
        assertThat(first.completedAt()).isEqualTo(Instant.parse("2024-05-02T18:10:00Z"));
        assertThat(first.exercises().get(0).sets()).containsExactly(warmup(2, 10, "40.00"),
                working(3, 6, "82.50", 2));
        assertThat(reading.workouts().get(1).exercises().get(0).name()).isEqualTo("Chin Up");
    }

    @Test
    void frenchHeaderWithWholeNumbersWrittenAsDecimals() {
        Reading reading = Reading.resource("strong-comma-fr.csv", ImportSource.STRONG, "Europe/Paris", null);

        assertThat(reading.variant()).isEqualTo("strong-comma-fr");
        assertThat(reading.errors()).isEmpty();
        assertThat(reading.skipped()).isEqualTo(Map.of("rest timer", 1L));
        ImportedWorkout first = reading.workouts().get(0);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-01-04T08:15:00Z"));
        assertThat(first.completedAt()).isEqualTo(Instant.parse("2026-01-04T09:17:00Z"));
        assertThat(first.exercises()).singleElement().satisfies(exercise -> {
            assertThat(exercise.name()).isEqualTo("Lat Pulldown (Cable)");
            assertThat(exercise.sets()).containsExactly(working(2, 12, "45.00", null), working(4, 10, "47.50", null));
        });
    }
}
