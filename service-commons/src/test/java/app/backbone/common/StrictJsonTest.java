package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class StrictJsonTest {

    enum Level { BEGINNER, ADVANCED }

    record Entry(String name, Integer sets, Double load, Boolean loadable, Level level, List<String> tags) {
    }

    private final ObjectMapper strict = StrictJson.strict(new ObjectMapper());

    @Test
    void valuesOfTheRightTypeAreRead() throws Exception {
        Entry entry = read("""
                {"name": "Überkopfdrücken \\ud83d\\udcaa", "sets": 5, "load": 42.5, "loadable": true,
                 "level": "ADVANCED", "tags": ["barbell"]}""");
        assertEquals(new Entry("Überkopfdrücken 💪", 5, 42.5, true, Level.ADVANCED, List.of("barbell")), entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sets\": \"7\"}", "{\"load\": \"42.5\"}", "{\"loadable\": 1}",
            "{\"loadable\": \"true\"}", "{\"level\": 1}", "{\"sets\": 1.5}", "{\"name\": 12}", "{\"name\": 1.5}",
            "{\"name\": true}", "{\"sets\": \"\"}", "{\"level\": \"\"}"})
    void noValueIsConvertedFromAnotherJsonType(String json) {
        assertThrows(MismatchedInputException.class, () -> read(json));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThrows(JsonParseException.class, () -> read("{\"sets\": 3, \"sets\": 5}"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        assertThrows(MismatchedInputException.class, () -> read("{\"sets\": 3} {\"sets\": 5}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"sets\": 3} []"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"bench\\u0000press\"}", "{\"name\": \"bench \\ud83d\"}",
            "{\"name\": \"\\ud83d bench\"}", "{\"name\": \"bench \\udcaa\"}",
            "{\"tags\": [\"barbell\", \"\\u0000\"]}"})
    void textWithANulCharacterOrHalfASurrogatePairIsRefused(String json) {
        assertThrows(InvalidFormatException.class, () -> read(json));
    }

    @Test
    void theResolverReadsWithAStrictCopyAndLeavesTheServicesMapperAsItWas() throws Exception {
        ObjectMapper service = new ObjectMapper();
        ObjectMapper bodies = new StrictJson(service).getContext(Entry.class);
        assertThrows(MismatchedInputException.class, () -> bodies.readValue("{\"sets\": \"7\"}", Entry.class));
        assertEquals(7, service.readValue("{\"sets\": \"7\"}", Entry.class).sets());
    }

    private Entry read(String json) throws Exception {
        return strict.readValue(json, Entry.class);
    }
}
