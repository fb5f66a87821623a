package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small builders shared by the figures tests. */
final class Fixtures {

    private Fixtures() {
    }

    static BigDecimal kg(String value) {
        return new BigDecimal(value);
    }

    static LoggedSet set(int reps, String loadKg, Integer rir) {
        return new LoggedSet(reps, loadKg == null ? null : kg(loadKg), rir, false, null, false);
    }

    static LoggedSet failure(int reps, String loadKg) {
        return new LoggedSet(reps, loadKg == null ? null : kg(loadKg), 0, true, null, false);
    }

    static LoggedSet warmup(int reps, String loadKg) {
        return new LoggedSet(reps, loadKg == null ? null : kg(loadKg), null, false, null, true);
    }

    static LoggedSet timed(int seconds) {
        return new LoggedSet(null, null, null, false, seconds, false);
    }

    static LoggedExercise exercise(String id, Prescribed prescription, LoggedSet... sets) {
        return new LoggedExercise(id, prescription, List.of(sets));
    }

    static LoggedSession session(String id, String completedAt, LoggedExercise... exercises) {
        return new LoggedSession(id, Instant.parse(completedAt), List.of(exercises));
    }

    static ExerciseFacts facts(String id, String category, String pattern, List<String> primary,
            List<String> secondary) {
        return new ExerciseFacts(id, category, pattern, primary, secondary);
    }

    static ExerciseFacts strength(String id, String pattern, List<String> primary, List<String> secondary) {
        return facts(id, ExerciseFacts.STRENGTH, pattern, primary, secondary);
    }
}
