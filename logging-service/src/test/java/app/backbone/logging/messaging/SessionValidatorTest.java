package app.backbone.logging.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * Holds {@link SessionValidator}'s verdicts to a JSON Schema validator's (formats asserted) on the producer's
 * schema, over a valid
 * event and thousands of variants of it: every field removed, nulled, given each other JSON type, pushed to and
 * past its bounds, plus unknown fields and random combinations of these.
 */
class SessionValidatorTest {

    private static final Path SCHEMA = Path.of("../program-service/contracts/training.sessions.completed.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALID = """
            {"eventId":"0b6f3a56-6a51-4a55-9d53-1c1f0a6a6e01","schemaVersion":1,
             "occurredAt":"2026-11-20T18:05:00Z","tenantId":"gym-1","memberId":"m.1","sessionId":"s-1",
             "programId":"5a3e8a7e-0c1f-4a3f-8e7b-6d2c9f1b0a11","completedAt":"2026-11-20T18:00:00+01:00",
             "exercises":[
               {"exerciseId":"romanian-deadlift","prescription":{"sets":3,"repsMin":8,"repsMax":12},
                "sets":[{"reps":10,"loadKg":100.5,"rir":2,"toFailure":false,"seconds":null,"warmup":true},
                        {"reps":8,"loadKg":110,"rir":null,"toFailure":true,"warmup":false}]},
               {"exerciseId":"knee-hug-stretch","prescription":null,
                "sets":[{"seconds":30,"toFailure":false,"warmup":false}]}]}""";

    private final SessionValidator validator = new SessionValidator();
    private final JsonSchema schema;

    SessionValidatorTest() throws IOException {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void acceptsTheValidEventAndReadsIt() {
        SessionValidator.Result result = validator.read(VALID);
        assertTrue(result.accepted(), result.reason());
        assertEquals("m.1", result.event().memberId());
        assertEquals(2, result.event().exercises().size());
        assertEquals(30, result.event().exercises().get(1).sets().get(0).seconds());
    }

    @Test
    void agreesWithTheSchemaOnEverySingleChange() throws IOException {
        JsonNode valid = JSON.readTree(VALID);
        List<JsonNode> variants = new ArrayList<>();
        for (String path : paths(valid, "")) {
            for (JsonNode value : replacements()) {
                variants.add(with(valid, path, value));
            }
            variants.add(without(valid, path));
        }
        for (String object : List.of("", "/exercises/0", "/exercises/0/prescription", "/exercises/0/sets/0")) {
            JsonNode copy = valid.deepCopy();
            ((ObjectNode) copy.at(object)).put("unexpected", 1);
            variants.add(copy);
        }
        int checked = 0;
        for (JsonNode variant : variants) {
            assertSameVerdict(variant.toString());
            checked++;
        }
        assertTrue(checked > 1000, "only " + checked + " variants");
    }

    @Test
    void agreesWithTheSchemaOnRandomCombinations() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        JsonNode valid = JSON.readTree(VALID);
        List<String> paths = paths(valid, "");
        List<JsonNode> values = replacements();
        for (int i = 0; i < 3000; i++) {
            JsonNode variant = valid;
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                String path = paths.get(random.nextInt(paths.size()));
                if (variant.at(path).isMissingNode()) {
                    continue;
                }
                variant = random.nextInt(5) == 0 ? without(variant, path)
                        : with(variant, path, values.get(random.nextInt(values.size())));
            }
            assertSameVerdict(variant.toString(), "seed " + seed);
        }
    }

    @Test
    void refusesWhatIsNotAnEventObject() {
        for (String text : List.of("", "   ", "null", "[]", "42", "\"x\"", "{", "{\"eventId\":", VALID + "x",
                VALID + VALID)) {
            assertTrue(!validator.read(text).accepted(), text);
        }
    }

    private void assertSameVerdict(String json, String... context) {
        boolean schemaValid = schemaValid(json) && storable(json);
        SessionValidator.Result result = validator.read(json);
        assertEquals(schemaValid, result.accepted(), () -> (schemaValid ? "refused a valid event: " + result.reason()
                : "accepted an invalid event") + " " + String.join(" ", context) + "\n" + json);
    }

    /** The schema's verdict; a number the validator cannot represent (1e400 overflows its doubles) is invalid. */
    private boolean schemaValid(String json) {
        try {
            return schema.validate(json, InputFormat.JSON).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The two rules beyond the schema: a completion in the years 1 to 9999, rep ranges not ending below start. */
    private static boolean storable(String json) {
        try {
            JsonNode event = JSON.readTree(json);
            java.time.Instant completed = java.time.OffsetDateTime.parse(event.get("completedAt").asText()
                    .toUpperCase()).toInstant();
            if (completed.isBefore(java.time.Instant.parse("0001-01-01T00:00:00Z"))
                    || !completed.isBefore(java.time.Instant.parse("+10000-01-01T00:00:00Z"))) {
                return false;
            }
            for (JsonNode exercise : event.get("exercises")) {
                JsonNode p = exercise.get("prescription");
                if (p != null && p.path("repsMin").isInt() && p.path("repsMax").isInt()
                        && p.get("repsMax").asInt() < p.get("repsMin").asInt()) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static List<String> paths(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = at + "/" + field.getKey();
                paths.add(path);
                paths.addAll(paths(field.getValue(), path));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(at + "/" + i);
                paths.addAll(paths(node.get(i), at + "/" + i));
            }
        }
        return paths;
    }

    private static List<JsonNode> replacements() {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.booleanNode(true),
                NODES.booleanNode(false), NODES.objectNode(), NODES.arrayNode(), NODES.textNode(""),
                NODES.textNode("x"), NODES.textNode("12"), NODES.textNode("a b"), NODES.textNode("é".repeat(64)),
                NODES.textNode("x".repeat(65)), NODES.textNode("x".repeat(100)), NODES.textNode("x".repeat(101)),
                NODES.textNode("2026-11-20T18:00:00Z"), NODES.textNode("2026-11-20 18:00:00"),
                NODES.textNode("2026-13-40T18:00:00Z"), NODES.textNode("2026-11-20T18:00Z"),
                NODES.textNode("2026-11-20T18:00:00.123456+05:30"),
                NODES.textNode("0b6f3a56-6a51-4a55-9d53-1c1f0a6a6e02"),
                NODES.textNode("0b6f3a566a514a559d531c1f0a6a6e02"),
                NODES.textNode("C29vbWV0aGluZzE2Ynl0ZXM="), NODES.numberNode(1.5), NODES.numberNode(-1),
                NODES.numberNode(1), NODES.numberNode(2), NODES.numberNode(1000), NODES.numberNode(1001),
                NODES.numberNode(10), NODES.numberNode(11), NODES.numberNode(20), NODES.numberNode(21),
                NODES.numberNode(36_000), NODES.numberNode(36_001), NODES.numberNode(1_000.5),
                NODES.numberNode(999.99), NODES.numberNode(new java.math.BigDecimal("1e400")),
                NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
                NODES.numberNode(1_700_000_000L), NODES.numberNode(0)));
        ArrayNode tooMany = NODES.arrayNode();
        for (int i = 0; i < 41; i++) {
            tooMany.add(NODES.objectNode().put("exerciseId", "e").set("sets", NODES.arrayNode()
                    .add(NODES.objectNode().put("reps", 1).put("toFailure", false).put("warmup", false))));
        }
        values.add(tooMany);
        values.add(NODES.arrayNode().add(NODES.nullNode()));
        return values;
    }

    private static JsonNode with(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int cut = path.lastIndexOf('/');
        JsonNode parent = copy.at(path.substring(0, cut));
        String name = path.substring(cut + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(name, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(name), value);
        }
        return copy;
    }

    private static JsonNode without(JsonNode root, String path) {
        JsonNode copy = root.deepCopy();
        int cut = path.lastIndexOf('/');
        JsonNode parent = copy.at(path.substring(0, cut));
        String name = path.substring(cut + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(name));
        }
        return copy;
    }
}
