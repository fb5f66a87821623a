package app.backbone.logging.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemFilesTest {

    private static final String STRONG_HEADER =
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";

    @Test
    void impossibleValuesAreRowErrorsWithLineAndColumnAndTheRowIsNotUsed() {
        Reading reading = Reading.resource("strong-bad-values.csv", ImportSource.STRONG, null, null);

        assertThat(reading.rows()).isEqualTo(10);
        assertThat(reading.errors()).containsExactly(
                new RowError(3, "Reps", "-3 is negative"),
                new RowError(4, "Weight", "10000.00 kg is more than 1000 kg"),
                new RowError(5, "Date", "'2024-13-45 10:00:00' is not a date"),
                new RowError(6, "Set Order", "'X' is no set order (a number, W, D or F)"),
                new RowError(8, null, "rows of the workout started at line 2 must be together"),
                new RowError(10, "RPE", "RPE 11 is outside 1..10"));
        assertThat(reading.workouts()).extracting(ImportedWorkout::title).containsExactly("Push", "Pull", "Legs");
        assertThat(reading.workouts()).extracting(ImportedWorkout::firstLine, ImportedWorkout::lastLine)
                .containsExactly(tuple(2L, 4L),
                        tuple(6L, 7L), tuple(10L, 11L));
        assertThat(reading.workouts().get(0).exercises().get(0).sets()).extracting(ImportedSet::line)
                .containsExactly(2L);
    }

    @Test
    void anExerciseHasAtMostThirtySetsAndAWorkoutAtMostFortyExercises() {
        String day = "2024-02-01 10:00:00,Long,1h,";
        String sets = IntStream.rangeClosed(1, 31).mapToObj(i -> day + "Pull Up," + i + ",0,5,0,0,,,\n")
                .collect(Collectors.joining());
        String exercises = IntStream.rangeClosed(2, 41).mapToObj(i -> day + "Exercise " + i + ",1,0,5,0,0,,,\n")
                .collect(Collectors.joining());

        Reading reading = Reading.text(STRONG_HEADER + sets + exercises, ImportSource.STRONG);

        assertThat(reading.errors()).containsExactly(
                new RowError(32, "Exercise Name", "an exercise has at most 30 sets in one workout"),
                new RowError(72, "Exercise Name", "a workout has at most 40 exercises"));
        assertThat(reading.workouts()).singleElement().satisfies(workout -> {
            assertThat(workout.exercises()).hasSize(40);
            assertThat(workout.exercises().get(0).sets()).hasSize(30);
        });
    }

    @Test
    void aQuotedNoteWithNewlineSemicolonAndQuoteKeepsTheLinesOfTheRowsAfterIt() {
        String row = "2024-02-01 10:00:00,Push,1h,Push Up,";
        Reading reading = Reading.text(STRONG_HEADER + row + "1,0,10,0,0,\"first\r\nsecond; \"\"third\"\"\n\",,\n"
                + row + "2,0,10,0,0,,,\n" + row + "3,0,-1,0,0,,,\n", ImportSource.STRONG);

        assertThat(reading.errors()).containsExactly(new RowError(6, "Reps", "-1 is negative"));
        assertThat(reading.workouts().get(0).exercises().get(0).sets()).extracting(ImportedSet::line)
                .containsExactly(2L, 5L);
    }

    @Test
    void aStrayQuoteInsideAValueIsKept() {
        Reading reading = Reading.text(STRONG_HEADER
                + "2024-02-01 10:00:00,Push,1h,Push Up,1,0,10,0,0,\"tempo 2'30\" slow\",,\n", ImportSource.STRONG);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.workouts()).hasSize(1);
    }

    @Test
    void aFileWithNoSetsHandsOutNoWorkout() {
        Reading reading = Reading.text(STRONG_HEADER + "2024-02-01 10:00:00,Push,1h,Push Up,Rest Timer,0,0,0,90,,,\n",
                ImportSource.STRONG);

        assertThat(reading.workouts()).isEmpty();
        assertThat(reading.skippedRows()).isEqualTo(1);
    }

    @Test
    void anUnknownHeaderNamesTheExpectedOneAndTheFoundLine() {
        String found = "name,amount,when," + "x".repeat(300);

        assertThatThrownBy(() -> Reading.text(found + "\nrow,1,2\n", ImportSource.STRONG))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageStartingWith("expected a Strong export with the header 'Date,Workout Name,Duration")
                .hasMessageContaining("found the first line 'name,amount,when,xxx")
                .hasMessageNotContaining("x".repeat(250));
    }

    @Test
    void aHevyFileChosenAsStrongIsNamedAsHevy() {
        assertThatThrownBy(() -> Reading.resource("hevy-metric.csv", ImportSource.STRONG, null, null))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("found a header that looks like a Hevy export");
    }

    @Test
    void aStrongFileChosenAsBackboneIsNamedAsStrong() {
        assertThatThrownBy(() -> Reading.resource("strong-comma-en.csv", ImportSource.BACKBONE, null, null))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageStartingWith("expected a Backbone export with the header 'session_id,completed_at")
                .hasMessageContaining("looks like a Strong export");
    }

    @Test
    void emptyAndBinaryFilesAreUnreadable() {
        assertThatThrownBy(() -> Reading.text("", ImportSource.HEVY))
                .isInstanceOf(UnreadableFile.class).hasMessageEndingWith("found an empty file");

        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> Reading.read(new ByteArrayInputStream(garbage),
                new ImportOptions(ImportSource.STRONG, null, null)))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("found binary data");
    }

    @Test
    void aBinaryBodyAfterAGoodHeaderIsUnreadable() {
        byte[] header = STRONG_HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[header.length + 64];
        System.arraycopy(header, 0, file, 0, header.length);
        file[header.length + 10] = 0;

        assertThatThrownBy(() -> Reading.read(new ByteArrayInputStream(file),
                new ImportOptions(ImportSource.STRONG, null, null)))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("found binary data at line 2");
    }
}
