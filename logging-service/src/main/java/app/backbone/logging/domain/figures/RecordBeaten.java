package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record of one exercise that a session beat: a value above the best of every session folded before it, whatever
 * their dates. A first value beats nothing: the exercise's first loaded session sets its kilogram records without
 * announcing them, and most reps at a load compares only with the reps done before at that same load.
 *
 * @param previous the value beaten
 * @param value the new value: kilograms, or reps for {@link Kind#MOST_REPS_AT_LOAD}
 * @param loadKg with {@link Kind#MOST_REPS_AT_LOAD}, the load the reps were done at ({@code 0.00} for unloaded
 *        sets, as {@link ExerciseRecords} keys them); null otherwise
 */
public record RecordBeaten(String exerciseId, Kind kind, BigDecimal previous, BigDecimal value, BigDecimal loadKg) {

    /** The records of {@link ExerciseRecords}. */
    public enum Kind {
        HEAVIEST_LOAD("kg"), BEST_E1RM("kg"), MOST_REPS_AT_LOAD("reps"), BEST_SESSION_TONNAGE("kg");

        private final String unit;

        Kind(String unit) {
            this.unit = unit;
        }

        /** {@code kg} or {@code reps}. */
        public String unit() {
            return unit;
        }
    }

    /** The records {@code after} holds above {@code before}, in the order of {@link Kind}, loads ascending. */
    static List<RecordBeaten> between(String exerciseId, ExerciseRecords before, ExerciseRecords after) {
        List<RecordBeaten> beaten = new ArrayList<>();
        kg(exerciseId, Kind.HEAVIEST_LOAD, before.heaviestLoad(), after.heaviestLoad(), beaten);
        kg(exerciseId, Kind.BEST_E1RM, before.bestE1rm(), after.bestE1rm(), beaten);
        for (Map.Entry<BigDecimal, Integer> reps : after.mostRepsByLoadKg().entrySet()) {
            Integer previous = before.mostRepsByLoadKg().get(reps.getKey());
            if (previous != null && reps.getValue() > previous) {
                beaten.add(new RecordBeaten(exerciseId, Kind.MOST_REPS_AT_LOAD, BigDecimal.valueOf(previous),
                        BigDecimal.valueOf(reps.getValue()), reps.getKey()));
            }
        }
        kg(exerciseId, Kind.BEST_SESSION_TONNAGE, before.bestSessionTonnage(), after.bestSessionTonnage(), beaten);
        return beaten;
    }

    private static void kg(String exerciseId, Kind kind, Best before, Best after, List<RecordBeaten> beaten) {
        if (after != null && before != null && after.kg().compareTo(before.kg()) > 0) {
            beaten.add(new RecordBeaten(exerciseId, kind, before == null ? null : before.kg(), after.kg(), null));
        }
    }
}
