package app.backbone.logging.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.logging.domain.figures.RecordBeaten;
import app.backbone.logging.domain.figures.Recommendation;

/** Holds the records logging-service publishes on its two outgoing topics to the schemas it documents for them. */
class ProgressContractTest {

    private static final Path PROGRESS = Path.of("contracts/training.member-progress.schema.json");
    private static final Path INSIGHTS = Path.of("contracts/training.insights.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-11-20T18:00:00Z");

    @Test
    void theProgressRecordHasExactlyTheFieldsOfItsSchemaAtEveryLevel() throws IOException {
        JsonNode schema = JSON.readTree(PROGRESS.toFile());
        assertEquals(documented(schema), declared(MemberProgress.class));
        assertEquals(documented(schema.at("/properties/pullPush")), declared(MemberProgress.PullPush.class));
        assertEquals(documented(schema.at("/properties/exercises/items")),
                declared(MemberProgress.ExerciseProgress.class));
        assertEquals(MemberProgress.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asInt());
        assertEquals(names(Recommendation.Action.values()),
                strings(schema.at("/properties/exercises/items/properties/action/enum")));
    }

    @Test
    void theInsightHasExactlyTheFieldsOfItsSchemaAtEveryLevel() throws IOException {
        JsonNode schema = JSON.readTree(INSIGHTS.toFile());
        assertEquals(documented(schema), declared(Insight.class));
        assertEquals(documented(schema.at("/properties/record")), declared(Insight.RecordValue.class));
        assertEquals(documented(schema.at("/properties/recommendation")), declared(Insight.Deload.class));
        assertEquals(Insight.SCHEMA_VERSION, schema.at("/properties/schemaVersion/const").asInt());
        assertEquals(names(Insight.Type.values()), strings(schema.at("/properties/type/enum")));
        assertEquals(names(RecordBeaten.Kind.values()), strings(schema.at("/properties/record/properties/kind/enum")));
        Set<String> units = new HashSet<>();
        Arrays.stream(RecordBeaten.Kind.values()).forEach(k -> units.add(k.unit()));
        assertEquals(units, strings(schema.at("/properties/record/properties/unit/enum")));
    }

    @Test
    void recordsAsPublishedAreValid() throws IOException {
        JsonSchema progress = schema(PROGRESS);
        MemberProgress state = new MemberProgress(MemberProgress.SCHEMA_VERSION, "gym-1", "m-1", 3, AT,
                new MemberProgress.PullPush("2026-W44", "2026-W47", 6, 2), List.of(
                        new MemberProgress.ExerciseProgress("rdl", "DELOAD", new BigDecimal("94.50"), "DELOAD: ...",
                                new BigDecimal("105.00"), new BigDecimal("143.50"), AT),
                        new MemberProgress.ExerciseProgress("pull-up", "HOLD", null, "HOLD: ...", null, null, AT)));
        assertValid(progress, state);

        JsonSchema insight = schema(INSIGHTS);
        assertValid(insight, new Insight(UUID.randomUUID(), Insight.SCHEMA_VERSION, Insight.Type.RECORD_ACHIEVED, AT,
                "gym-1", "m-1", "rdl", "s1", AT, new Insight.RecordValue("HEAVIEST_LOAD",
                        new BigDecimal("97.50"), new BigDecimal("100.00"), "kg", null), null));
        assertValid(insight, new Insight(UUID.randomUUID(), Insight.SCHEMA_VERSION, Insight.Type.RECORD_ACHIEVED, AT,
                "gym-1", "m-1", "row", "s2", AT, new Insight.RecordValue("MOST_REPS_AT_LOAD", BigDecimal.TEN,
                        new BigDecimal("12"), "reps", new BigDecimal("50.00")), null));
        assertValid(insight, new Insight(UUID.randomUUID(), Insight.SCHEMA_VERSION, Insight.Type.DELOAD_RECOMMENDED,
                AT, "gym-1", "m-1", "rdl", "s3", AT, null, new Insight.Deload("DELOAD", new BigDecimal("94.50"),
                        "DELOAD: ...")));
    }

    private static JsonSchema schema(Path path) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(path.toUri());
    }

    private static void assertValid(JsonSchema schema, Object record) {
        JsonNode json = JSON.valueToTree(record);
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json) + " in " + json);
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new HashSet<>();
        Arrays.stream(values).forEach(v -> names.add(v.name()));
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
