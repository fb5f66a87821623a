package app.backbone.logging.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Reads a completed-session record, accepting it only if it matches the documented schema. */
@ApplicationScoped
public class SessionValidator {

    static final String SCHEMA = "contracts/training.sessions.completed.schema.json";
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public SessionValidator(ObjectMapper mapper) {
        this.mapper = mapper;
        try (InputStream in = SessionValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the class path");
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event, or why the record was refused. */
    public Result read(String json) {
        if (json == null) {
            return Result.rejected("empty record");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return Result.rejected("not JSON: " + e.getOriginalMessage());
        }
        Set<ValidationMessage> errors = schema.validate(tree);
        if (!errors.isEmpty()) {
            return Result.rejected("schema violation: " + errors.stream().map(ValidationMessage::getMessage)
                    .sorted().limit(10).collect(Collectors.joining("; ")));
        }
        SessionCompleted event;
        try {
            event = mapper.treeToValue(tree, SessionCompleted.class);
        } catch (JsonProcessingException e) {
            return Result.rejected("unreadable: " + e.getOriginalMessage());
        }
        String outOfRange = outOfRange(event);
        return outOfRange == null ? new Result(event, null) : Result.rejected("out of range: " + outOfRange);
    }

    /**
     * What the schema cannot say but storing needs: a completion in the years 1 to 9999 (PostgreSQL's timestamps
     * and the ISO weeks of the figures) and rep ranges that do not end below their start.
     */
    private static String outOfRange(SessionCompleted event) {
        if (event.completedAt().isBefore(FIRST_INSTANT) || !event.completedAt().isBefore(AFTER_LAST_INSTANT)) {
            return "completedAt " + event.completedAt() + " is not in the years 1 to 9999";
        }
        for (SessionCompleted.ExerciseDone exercise : event.exercises()) {
            SessionCompleted.Prescribed p = exercise.prescription();
            if (p != null && p.repsMin() != null && p.repsMax() != null && p.repsMax() < p.repsMin()) {
                return "the prescription of " + exercise.exerciseId() + " has repsMax " + p.repsMax()
                        + " below repsMin " + p.repsMin();
            }
        }
        return null;
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
}
