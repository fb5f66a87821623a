package app.backbone.system;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * Malformed requests drawn from a seeded {@link Random}: variants of a valid request that no correct service may
 * accept. Field-level variants follow the endpoint's OpenAPI schema (each field's type, enum, bounds, lengths,
 * patterns, required fields), so new fields are covered by themselves.
 */
public final class MalformedRequests {

    /** Request bodies above this size must be refused with 413. */
    public static final int BODY_LIMIT = 1024 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "text/json", "application/problem+json", "image/png");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88},
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /**
     * One request to send.
     *
     * @param what        how it is malformed, for failure messages
     * @param path        the path and query, already encoded
     * @param body        the body bytes, or null for none
     * @param chunked     whether the body goes without a Content-Length
     * @param expected    the one status it must get, or 0 for any 4xx
     */
    public record Attempt(String what, String method, String path, Map<String, String> headers, byte[] body,
            boolean chunked, int expected) {
    }

    /** A request that works, to make malformed variants of. */
    public record Valid(String method, String path, Map<String, String> headers, ObjectNode body, JsonNode schema,
            JsonNode document) {
    }

    private final Random random;

    public MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A malformed variant of a request with a JSON body, of a kind drawn at random. */
    public Attempt body(Valid valid) {
        ObjectNode body = valid.body().deepCopy();
        return switch (random.nextInt(15)) {
            case 0, 1 -> field(valid, body, "a value of the wrong type", this::wrongType);
            case 2, 3 -> field(valid, body, "a value the schema does not allow", this::invalidValue);
            case 4 -> missingRequired(valid, body);
            case 5 -> unknownField(valid, body);
            case 6 -> attempt(valid, "random JSON", json(randomJson(3)), "application/json");
            case 7 -> attempt(valid, "nesting deeper than any body needs", deep(body), "application/json");
            case 8 -> attempt(valid, "broken JSON syntax", brokenSyntax(body), "application/json");
            case 9 -> invalidUtf8(valid, body);
            case 10 -> wrongContentType(valid, body);
            case 11 -> oversized(valid, body);
            case 12 -> attempt(valid, "no Content-Type and broken JSON", brokenSyntax(body), null);
            case 13 -> field(valid, body, "a NUL character in a text", this::withNul);
            default -> attempt(valid, "an empty or null body", pick(List.of("", "null", " ")).getBytes(
                    StandardCharsets.UTF_8), "application/json");
        };
    }

    /** A GET with at least one query or path parameter no service may accept. */
    public Attempt query(String pathTemplate, Map<String, String> pathValues, JsonNode operation, JsonNode document) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if (p.get("in").asText().equals("query") || p.get("in").asText().equals("path")) {
                parameters.add(p);
            }
        });
        JsonNode bad = parameters.get(random.nextInt(parameters.size()));
        String invalid = invalidParameter(bad, resolve(bad.get("schema"), document));
        String path = pathTemplate;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            String replacement = value.getKey().equals(bad.get("name").asText()) && bad.get("in").asText()
                    .equals("path") ? invalid : value.getValue();
            path = path.replace("{" + value.getKey() + "}", encodePath(replacement));
        }
        String query = "";
        if (bad.get("in").asText().equals("query")) {
            query = "?" + bad.get("name").asText() + "=" + URLEncoder.encode(invalid, StandardCharsets.UTF_8);
        }
        return new Attempt("parameter " + bad.get("name").asText() + "=" + shorten(invalid), "GET", path + query,
                Map.of(), null, false, 0);
    }

    /** A request with a body far over the limit, announced with a Content-Length or sent chunked. */
    public Attempt oversized(String method, String path, Map<String, String> headers) {
        boolean chunked = random.nextBoolean();
        return new Attempt("oversized body" + (chunked ? ", chunked" : ""), method, path, headers,
                padded(NODES.objectNode()), chunked, 413);
    }

    /** A value picked at random. */
    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A string of random visible and invisible characters, for ids that cannot exist. */
    public String randomText(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        String alphabet = "abcXYZ019._:-~!$&'()*+,;=@ %/\\\"<>?#[]{}|^`\u00e9\u4e2d\u0000\t";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private Attempt attempt(Valid valid, String what, byte[] body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Attempt(what, valid.method(), valid.path(), headers, body, false, 0);
    }

    private Attempt field(Valid valid, ObjectNode body, String what, ValueMaker maker) {
        List<Slot> slots = new ArrayList<>();
        collect(body, valid.schema(), valid.document(), "", slots);
        for (int tries = 0; tries < 20; tries++) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            JsonNode value = maker.make(slot.schema());
            if (value != null) {
                slot.set(value);
                return attempt(valid, what + " at " + slot.path() + ": " + shorten(value.toString()), json(body),
                        "application/json");
            }
        }
        return unknownField(valid, body);
    }

    private Attempt missingRequired(Valid valid, ObjectNode body) {
        List<Slot> slots = new ArrayList<>();
        collect(body, valid.schema(), valid.document(), "", slots);
        List<Slot> required = slots.stream().filter(Slot::required).toList();
        Slot slot = required.get(random.nextInt(required.size()));
        boolean remove = random.nextBoolean();
        if (remove) {
            ((ObjectNode) slot.parent()).remove(slot.key());
        } else {
            slot.set(NODES.nullNode());
        }
        return attempt(valid, (remove ? "no " : "null for ") + "required " + slot.path(), json(body),
                "application/json");
    }

    private Attempt unknownField(Valid valid, ObjectNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(body, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        String name = pick(List.of("unknown", "tenantId", "id", "version", "__proto__", "scope", "status"));
        target.set(name, randomJson(1));
        return attempt(valid, "unknown field " + name, json(body), "application/json");
    }

    private Attempt wrongContentType(Valid valid, ObjectNode body) {
        String type = pick(WRONG_CONTENT_TYPES);
        Attempt attempt = attempt(valid, "content type " + type + " for a valid body", json(body), type);
        return new Attempt(attempt.what(), attempt.method(), attempt.path(), attempt.headers(), attempt.body(), false,
                415);
    }

    private Attempt oversized(Valid valid, ObjectNode body) {
        Attempt oversized = oversized(valid.method(), valid.path(), valid.headers());
        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
        headers.put("Content-Type", "application/json");
        return new Attempt(oversized.what(), valid.method(), valid.path(), headers, padded(body), oversized.chunked(),
                413);
    }

    /**
     * The body with its first text field, or a new one, over the limit: the text is read to its end, so the body
     * is refused for its size rather than for an earlier mistake.
     */
    private byte[] padded(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        String field = "padding";
        for (Iterator<Map.Entry<String, JsonNode>> fields = copy.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> candidate = fields.next();
            if (candidate.getValue().isTextual()) {
                field = candidate.getKey();
                break;
            }
        }
        copy.put(field, "x".repeat(BODY_LIMIT + 1 + random.nextInt(BODY_LIMIT / 2)));
        return json(copy);
    }

    /** Every field and array element of the body, with its schema. */
    private void collect(JsonNode node, JsonNode schema, JsonNode document, String path, List<Slot> slots) {
        JsonNode resolved = resolve(schema, document);
        if (node.isObject()) {
            JsonNode properties = resolved.path("properties");
            List<String> required = new ArrayList<>();
            resolved.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode propertySchema = resolve(properties.get(name), document);
                slots.add(new Slot(path + "." + name, node, name, -1, propertySchema, required.contains(name)));
                if (node.has(name)) {
                    collect(node.get(name), propertySchema, document, path + "." + name, slots);
                }
            }
        } else if (node.isArray()) {
            JsonNode items = resolve(resolved.path("items"), document);
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(path + "[" + i + "]", node, null, i, items, false));
                collect(node.get(i), items, document, path + "[" + i + "]", slots);
            }
        }
    }

    private static void objects(JsonNode node, List<ObjectNode> objects) {
        if (node.isObject()) {
            objects.add((ObjectNode) node);
        }
        node.forEach(child -> objects(child, objects));
    }

    /** A schema with its {@code $ref} (and its items' one) followed, the referring schema's own keywords kept. */
    static JsonNode resolve(JsonNode schema, JsonNode document) {
        if (schema == null || !schema.isObject()) {
            return NODES.objectNode();
        }
        ObjectNode resolved = schema.deepCopy();
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            resolved = (ObjectNode) resolve(document.at("/components/schemas/" + name), document);
            ObjectNode target = resolved;
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    target.set(f.getKey(), f.getValue());
                }
            });
        }
        if (resolved.has("items")) {
            resolved.set("items", resolve(resolved.get("items"), document));
        }
        return resolved;
    }

    private JsonNode withNul(JsonNode schema) {
        boolean text = schema.path("type").asText().equals("string") && !schema.has("enum")
                && !schema.has("format");
        return text ? NODES.textNode("a\u0000b") : null;
    }

    private JsonNode wrongType(JsonNode schema) {
        String type = schema.path("type").asText();
        List<Supplier<JsonNode>> values = new ArrayList<>();
        switch (type) {
            case "string" -> {
                if (!schema.path("format").asText().startsWith("date")) {
                    values.add(() -> NODES.numberNode(12));
                    values.add(() -> NODES.numberNode(-3.5));
                }
                if (schema.has("enum")) {
                    values.add(() -> NODES.numberNode(random.nextInt(3)));
                }
                values.add(() -> NODES.booleanNode(random.nextBoolean()));
                values.add(NODES::arrayNode);
                values.add(() -> NODES.arrayNode().add("x"));
                values.add(NODES::objectNode);
            }
            case "integer" -> {
                values.add(() -> NODES.textNode("7"));
                values.add(() -> NODES.textNode("seven"));
                values.add(() -> NODES.numberNode(1.5));
                values.add(() -> NODES.booleanNode(true));
                values.add(NODES::arrayNode);
                values.add(NODES::objectNode);
            }
            case "number" -> {
                values.add(() -> NODES.textNode("7.5"));
                values.add(() -> NODES.textNode("heavy"));
                values.add(() -> NODES.booleanNode(false));
                values.add(() -> NODES.arrayNode().add(1));
                values.add(NODES::objectNode);
            }
            case "boolean" -> {
                values.add(() -> NODES.numberNode(1));
                values.add(() -> NODES.numberNode(0));
                values.add(() -> NODES.textNode("true"));
                values.add(() -> NODES.textNode("yes"));
                values.add(NODES::arrayNode);
                values.add(NODES::objectNode);
            }
            case "array" -> {
                values.add(() -> NODES.textNode("x"));
                values.add(() -> NODES.numberNode(1));
                values.add(() -> NODES.booleanNode(true));
                values.add(NODES::objectNode);
            }
            case "object" -> {
                values.add(() -> NODES.textNode("x"));
                values.add(() -> NODES.numberNode(1));
                values.add(() -> NODES.booleanNode(true));
                values.add(NODES::arrayNode);
            }
            default -> {
                return null;
            }
        }
        return pick(values).get();
    }

    /** Short texts the schema does not allow: not in its enum, a character too long, breaking its pattern. */
    private List<String> invalidTexts(JsonNode schema) {
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            String valid = schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
            values.addAll(List.of("NOT_A_VALUE", valid.toLowerCase(Locale.ROOT), valid + "X", "", "1"));
        }
        if (schema.has("maxLength")) {
            values.add("a".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (schema.path("minLength").asInt() > 0) {
            values.add("");
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            for (String candidate : List.of("   ", "", "has space", "ü", "tab\there", "x".repeat(300), "a/b")) {
                if (violates(pattern, candidate)) {
                    values.add(candidate);
                }
            }
        }
        if (schema.path("format").asText().equals("date-time")) {
            values.addAll(List.of("yesterday", "2026-13-01T00:00:00Z", "2026-01-01", "2026-01-01T25:00:00Z",
                    "2999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1/2/2026"));
        }
        return values;
    }

    private JsonNode invalidValue(JsonNode schema) {
        List<Supplier<JsonNode>> values = new ArrayList<>();
        for (String text : invalidTexts(schema)) {
            values.add(() -> NODES.textNode(text));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            values.add(() -> NODES.textNode("b".repeat(Math.min(max * 50 + 1, BODY_LIMIT / 2))));
        }
        if (schema.has("minimum") || schema.has("maximum")) {
            boolean integer = schema.path("type").asText().equals("integer");
            if (schema.has("minimum")) {
                double min = schema.get("minimum").asDouble();
                values.add(() -> integer ? NODES.numberNode((long) min - 1) : NODES.numberNode(min - 0.01));
            }
            if (schema.has("maximum")) {
                double max = schema.get("maximum").asDouble();
                values.add(() -> integer ? NODES.numberNode((long) max + 1) : NODES.numberNode(max + 0.01));
            }
            for (String huge : List.of("1e400", "-1e400", "123456789012345678901234567890", "2147483648",
                    "-2147483649", "9.999999999999999e307")) {
                values.add(() -> NODES.rawValueNode(new RawValue(huge)));
            }
        }
        if (schema.has("multipleOf")) {
            values.add(() -> NODES.numberNode(new BigDecimal("0.001")));
            values.add(() -> NODES.rawValueNode(new RawValue("1e-400")));
        }
        if (schema.path("minItems").asInt() > 0) {
            values.add(NODES::arrayNode);
        }
        if (schema.has("maxItems") && !schema.path("uniqueItems").asBoolean()) {
            int max = schema.get("maxItems").asInt();
            JsonNode item = example(schema.path("items"));
            if (item != null) {
                values.add(() -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = 0; i <= max; i++) {
                        array.add(item.deepCopy());
                    }
                    return array;
                });
            }
        }
        return values.isEmpty() ? null : pick(values).get();
    }

    /** A value of an item schema that is valid on its own, or null when none is known. */
    private static JsonNode example(JsonNode items) {
        if (items.has("enum")) {
            return items.get("enum").get(0);
        }
        if (items.path("type").asText().equals("string") && !items.has("pattern")) {
            return NODES.textNode("cue");
        }
        return null;
    }

    /** Whether a string breaks a pattern as Bean Validation applies it ({@code \S} is @NotBlank). */
    private static boolean violates(String pattern, String candidate) {
        if (pattern.equals("\\S")) {
            return candidate.isBlank();
        }
        return !Pattern.compile(pattern).matcher(candidate).matches();
    }

    private String invalidParameter(JsonNode parameter, JsonNode schema) {
        List<String> values = new ArrayList<>();
        String type = schema.path("type").asText();
        if (type.equals("integer")) {
            values.addAll(List.of("abc", "1.5", "99999999999", "-99999999999", "0x10", "1e3", " 1"));
            if (schema.has("minimum")) {
                values.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
        } else if (schema.path("format").asText().equals("date")) {
            values.addAll(List.of("2026-13-01", "2026-02-30", "tomorrow", "-999999999-01-01", "+999999999-12-31",
                    "2026-1-5", "20260105", "0000-00-00", "-0001-01-01", "+10000-01-01"));
        } else if (schema.path("format").asText().equals("uuid")) {
            values.addAll(List.of("not-a-uuid", "12345", "g" + UUID.randomUUID().toString().substring(1),
                    UUID.randomUUID() + "0"));
        } else if (type.equals("array")) {
            values.addAll(List.of("NOT_A_VALUE", "lats", "LATS,NOPE", "\u00c9"));
        } else {
            values.addAll(invalidTexts(schema));
            if (values.isEmpty() && parameter.get("in").asText().equals("path")) {
                values.add("no-such-" + randomText(20));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("No invalid value known for parameter " + parameter);
        }
        return pick(values);
    }

    private JsonNode randomJson(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextGaussian() * 1e6);
            case 4 -> NODES.textNode(randomText(20));
            case 5 -> NODES.textNode("");
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    object.set("x" + randomText(8), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }

    private byte[] deep(ObjectNode body) {
        int depth = 1_001 + random.nextInt(20_000);
        boolean arrays = random.nextBoolean();
        String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1"
                + "}".repeat(depth);
        if (random.nextBoolean()) {
            return nested.getBytes(StandardCharsets.UTF_8);
        }
        String json = new String(json(body), StandardCharsets.UTF_8);
        return (json.substring(0, json.length() - 1) + ",\"nested\":" + nested + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] brokenSyntax(ObjectNode body) {
        String json = new String(json(body), StandardCharsets.UTF_8);
        String broken = switch (random.nextInt(9)) {
            case 0 -> json.substring(0, 1 + random.nextInt(json.length() - 1));
            case 1 -> json + pick(List.of(" x", "}", ",{}", "[]", "\"", " {\"a\":1}"));
            case 2 -> json.replaceFirst("\"", "'");
            case 3 -> json.replaceFirst(":", ": /* note */");
            case 4 -> json.substring(0, json.length() - 1) + ",}";
            case 5 -> json.replaceFirst("\"(\\w+)\":", "$1:");
            case 6 -> json.substring(0, json.length() - 1) + ",\"nan\":" + pick(List.of("NaN", "Infinity", "-Inf"))
                    + "}";
            case 7 -> json.replaceFirst(":", "=");
            default -> {
                String first = json.substring(1, json.indexOf(',') > 0 ? json.indexOf(',') : json.length() - 1);
                yield json.substring(0, json.length() - 1) + "," + first + "}";
            }
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    private Attempt invalidUtf8(Valid valid, ObjectNode body) {
        byte[] json = json(body);
        List<Integer> insideStrings = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"' && (i == 0 || json[i - 1] != '\\')) {
                inString = !inString;
            } else if (inString) {
                insideStrings.add(i);
            }
        }
        int at = insideStrings.get(random.nextInt(insideStrings.size()));
        byte[] bad = pick(INVALID_UTF8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(json, 0, at);
        out.writeBytes(bad);
        out.write(json, at, json.length - at);
        String around = new String(json, Math.max(0, at - 12), Math.min(12, at), StandardCharsets.UTF_8);
        return attempt(valid, "invalid UTF-8 " + HexFormat.of().formatHex(bad) + " after '" + around + "'",
                out.toByteArray(), "application/json");
    }

    private static byte[] json(JsonNode node) {
        try {
            return Api.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path segment, percent-encoded. */
    static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }

    @FunctionalInterface
    private interface ValueMaker {
        JsonNode make(JsonNode schema);
    }

    /** A place in a body: an object's field or an array's element, with the schema that governs it. */
    private record Slot(String path, JsonNode parent, String key, int index, JsonNode schema, boolean required) {

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }
}
