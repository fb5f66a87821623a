package app.backbone.program.messaging;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.MemberIds;
import app.backbone.program.service.MemberErasure;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Erases members as {@value ErasureTopics#REQUESTED} asks. Only a record that cannot be read fails here and goes to
 * {@value ErasureTopics#REQUESTED_DEAD_LETTERS} (the channel's dead-letter strategy, reason in headers); a database
 * failure is retried by {@link MemberErasure#erase} and never sends a request away.
 */
@ApplicationScoped
public class ErasureConsumer {

    private static final Pattern ID = Pattern.compile(MemberIds.PATTERN);

    private final ObjectReader reader;
    private final MemberErasure erasure;

    public ErasureConsumer(ObjectMapper mapper, MemberErasure erasure) {
        this.reader = mapper.readerFor(MemberErasureRequested.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.erasure = erasure;
    }

    @Incoming(ErasureTopics.REQUESTED)
    @Blocking(ordered = true)
    public void onRequested(String json) {
        erasure.erase(read(json));
    }

    /** The record, or an {@link IllegalArgumentException} saying why it cannot be used. */
    MemberErasureRequested read(String json) {
        MemberErasureRequested event;
        try {
            event = json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable erasure request: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("Empty record");
        }
        if (event.schemaVersion() != 1) {
            throw new IllegalArgumentException("Unknown schemaVersion " + event.schemaVersion());
        }
        if (event.eventId() == null || event.erasureId() == null || event.requestedAt() == null
                || event.tenantId() == null || !ID.matcher(event.tenantId()).matches()
                || event.memberId() == null || !ID.matcher(event.memberId()).matches()) {
            throw new IllegalArgumentException("Incomplete erasure request: " + json);
        }
        return event;
    }
}
