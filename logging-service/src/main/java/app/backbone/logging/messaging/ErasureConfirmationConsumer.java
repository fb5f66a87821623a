package app.backbone.logging.messaging;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.MemberIds;
import app.backbone.logging.service.MemberErasures;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Records services' confirmations from {@value ErasureTopics#CONFIRMED}. Only a record that cannot be read fails
 * here and goes to {@value ErasureTopics#CONFIRMED_DEAD_LETTERS} (the channel's dead-letter strategy, reason in
 * headers); a database failure is retried by {@link MemberErasures#confirm} and never sends a confirmation away.
 */
@ApplicationScoped
public class ErasureConfirmationConsumer {

    private static final Pattern ID = Pattern.compile(MemberIds.PATTERN);
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]{1,100}");

    private final ObjectReader reader;
    private final MemberErasures erasures;

    public ErasureConfirmationConsumer(ObjectMapper mapper, MemberErasures erasures) {
        this.reader = mapper.readerFor(MemberErasureConfirmed.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.erasures = erasures;
    }

    @Incoming(ErasureTopics.CONFIRMED)
    @Blocking(ordered = true)
    public void onConfirmed(String json) {
        erasures.confirm(read(json));
    }

    /** The record, or an {@link IllegalArgumentException} saying why it cannot be used. */
    MemberErasureConfirmed read(String json) {
        MemberErasureConfirmed event;
        try {
            event = json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable erasure confirmation: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("Empty record");
        }
        if (event.schemaVersion() != 1) {
            throw new IllegalArgumentException("Unknown schemaVersion " + event.schemaVersion());
        }
        if (event.eventId() == null || event.erasureId() == null || event.occurredAt() == null
                || event.tenantId() == null || !ID.matcher(event.tenantId()).matches()
                || event.memberId() == null || !ID.matcher(event.memberId()).matches()
                || event.service() == null || !SERVICE.matcher(event.service()).matches()) {
            throw new IllegalArgumentException("Incomplete erasure confirmation: " + json);
        }
        return event;
    }
}
