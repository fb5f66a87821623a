package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class EnumParamsTest {

    enum Equipment { BARBELL, DUMBBELL, KETTLEBELL }

    @Test
    void valuesMayBeRepeatedOrCommaSeparated() {
        assertEquals(List.of(Equipment.BARBELL, Equipment.KETTLEBELL, Equipment.DUMBBELL),
                EnumParams.parse("equipment", List.of("BARBELL, KETTLEBELL", "DUMBBELL"), Equipment.class));
    }

    @Test
    void blankEntriesAreSkipped() {
        assertEquals(List.of(Equipment.BARBELL),
                EnumParams.parse("equipment", List.of("", " ,BARBELL,, ", ","), Equipment.class));
    }

    @Test
    void anAbsentParameterHasNoValues() {
        assertEquals(List.of(), EnumParams.parse("equipment", null, Equipment.class));
    }

    @Test
    void anUnknownValueIsRefusedWithTheAllowedOnesAndTheFieldName() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> EnumParams.parse("equipment", List.of("BARBELL,barbell"), Equipment.class));

        String message = "'barbell' is not one of the allowed values: BARBELL, DUMBBELL, KETTLEBELL.";
        assertEquals(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400, message,
                List.of(new Problem.FieldError("equipment", message))), e.toProblem());
    }
}
