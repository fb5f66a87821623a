package app.backbone.logging.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        try {
            return new Result(mapper.treeToValue(tree, SessionCompleted.class), null);
        } catch (JsonProcessingException e) {
            return Result.rejected("unreadable: " + e.getOriginalMessage());
        }
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
