package app.backbone.logging.messaging;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import app.backbone.common.StrictJson;
import app.backbone.logging.messaging.SessionCompleted.ExerciseDone;
import app.backbone.logging.messaging.SessionCompleted.Prescribed;
import app.backbone.logging.messaging.SessionCompleted.SetDone;

/**
 * Reads a completed-session record, accepting it only if it matches the documented schema
 * ({@code contracts/training.sessions.completed.schema.json}). The schema's rules are applied in code, on the
 * strict binding of {@link StrictJson#strict} plus no unknown fields, required fields and canonical UUIDs and
 * date-times, which costs a fraction of interpreting the schema for every record; {@code SessionValidatorTest}
 * holds the two to the same verdicts. Beyond the schema it refuses what nothing could store: a completion outside
 * the years 1 to 9999, a rep range ending below its start, and text holding a NUL character or half a surrogate
 * pair.
 */
@ApplicationScoped
public class SessionValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final BigDecimal MAX_LOAD_KG = BigDecimal.valueOf(1000);
    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");
    private static final int MAX_REPORTED = 10;

    private final ObjectReader reader = StrictJson.strict(JsonMapper.builder()
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .addModule(new SimpleModule("strict-event-values")
                            .addDeserializer(UUID.class, new StrictUuid())
                            .addDeserializer(Instant.class, new StrictInstant()))
                    .build())
            .readerFor(SessionCompleted.class);

    /** The event, or why the record was refused. */
    public Result read(String json) {
        if (json == null || json.isBlank()) {
            return Result.rejected("empty record");
        }
        SessionCompleted event;
        try {
            event = reader.readValue(json);
        } catch (JsonParseException e) {
            return Result.rejected("not JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return Result.rejected("schema violation: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at " + e.getLocation().offsetDescription()));
        } catch (IOException e) {
            return Result.rejected("unreadable: " + e.getMessage());
        }
        if (event == null) {
            return Result.rejected("schema violation: must be an object");
        }
        List<String> violations = violations(event);
        if (!violations.isEmpty()) {
            return Result.rejected("schema violation: " + String.join("; ",
                    violations.subList(0, Math.min(MAX_REPORTED, violations.size()))));
        }
        return new Result(event, null);
    }

    private static List<String> violations(SessionCompleted event) {
        List<String> found = new ArrayList<>();
        require(found, event.eventId() != null, "eventId", "is required");
        require(found, event.schemaVersion() == 1, "schemaVersion", "must be 1");
        require(found, event.occurredAt() != null, "occurredAt", "is required");
        require(found, event.completedAt() != null, "completedAt", "is required");
        require(found, event.completedAt() == null || !event.completedAt().isBefore(FIRST_STORABLE)
                && event.completedAt().isBefore(AFTER_LAST_STORABLE), "completedAt",
                "must be in the years 1 to 9999 (out of range: PostgreSQL timestamps and ISO weeks end there)");
        require(found, event.tenantId() != null && ID.matcher(event.tenantId()).matches(), "tenantId",
                "must be 1-64 of A-Z a-z 0-9 . _ : -");
        require(found, event.memberId() != null && ID.matcher(event.memberId()).matches(), "memberId",
                "must be 1-64 of A-Z a-z 0-9 . _ : -");
        require(found, length(event.sessionId(), 1, 100), "sessionId", "must be 1-100 characters");
        List<ExerciseDone> exercises = event.exercises();
        if (exercises == null || exercises.isEmpty() || exercises.size() > 40) {
            found.add("exercises: must hold 1-40 exercises");
            return found;
        }
        for (int e = 0; e < exercises.size(); e++) {
            String at = "exercises[" + e + "]";
            ExerciseDone exercise = exercises.get(e);
            if (exercise == null) {
                found.add(at + ": must be an object");
                continue;
            }
            require(found, length(exercise.exerciseId(), 1, 100), at + ".exerciseId", "must be 1-100 characters");
            Prescribed prescription = exercise.prescription();
            if (prescription != null) {
                require(found, prescription.sets() >= 1 && prescription.sets() <= 20, at + ".prescription.sets",
                        "must be 1-20");
                require(found, within(prescription.repsMin(), 0, 1000), at + ".prescription.repsMin",
                        "must be 0-1000");
                require(found, within(prescription.repsMax(), 0, 1000), at + ".prescription.repsMax",
                        "must be 0-1000");
                require(found, prescription.repsMin() == null || prescription.repsMax() == null
                        || prescription.repsMax() >= prescription.repsMin(), at + ".prescription.repsMax",
                        "must not be below repsMin (out of range)");
            }
            List<SetDone> sets = exercise.sets();
            if (sets == null || sets.isEmpty() || sets.size() > 30) {
                found.add(at + ".sets: must hold 1-30 sets");
                continue;
            }
            for (int s = 0; s < sets.size(); s++) {
                String setAt = at + ".sets[" + s + "]";
                SetDone set = sets.get(s);
                if (set == null) {
                    found.add(setAt + ": must be an object");
                    continue;
                }
                require(found, within(set.reps(), 0, 1000), setAt + ".reps", "must be 0-1000");
                require(found, set.loadKg() == null || set.loadKg().signum() >= 0
                        && set.loadKg().compareTo(MAX_LOAD_KG) <= 0, setAt + ".loadKg", "must be 0-1000");
                require(found, within(set.rir(), 0, 10), setAt + ".rir", "must be 0-10");
                require(found, within(set.seconds(), 1, 36_000), setAt + ".seconds", "must be 1-36000");
                require(found, set.reps() != null || set.seconds() != null, setAt, "needs reps or seconds");
            }
        }
        return found;
    }

    private static void require(List<String> found, boolean holds, String where, String rule) {
        if (!holds) {
            found.add(where + ": " + rule);
        }
    }

    private static boolean within(Integer value, int min, int max) {
        return value == null || value >= min && value <= max;
    }

    private static boolean length(String value, int min, int max) {
        if (value == null) {
            return false;
        }
        int codePoints = value.codePointCount(0, value.length());
        return codePoints >= min && codePoints <= max;
    }

    /** Either an event or a reason. */
    public record Result(SessionCompleted event, String reason) {

        static Result rejected(String reason) {
            return new Result(null, reason);
        }

        public boolean accepted() {
            return event != null;
        }
    }

    /** A UUID only in its canonical text form (Jackson's default also takes Base64 and binary). */
    private static final class StrictUuid extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING || !UUID_TEXT.matcher(parser.getText()).matches()) {
                return (UUID) context.handleWeirdStringValue(UUID.class, parser.getText(), "not a UUID");
            }
            return UUID.fromString(parser.getText());
        }
    }

    /** An RFC 3339 date-time string only (Jackson's default also takes epoch numbers and other forms). */
    private static final class StrictInstant extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
            if (text != null && DATE_TIME.matcher(text).matches()) {
                try {
                    return OffsetDateTime.parse(text.toUpperCase(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, String.valueOf(text),
                    "not an RFC 3339 date-time");
        }
    }
}
