package app.backbone.webhook.messaging;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.MemberIds;
import app.backbone.webhook.domain.EventTypes;
import app.backbone.webhook.service.DeliveryQueue;
import app.backbone.webhook.service.Payloads;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Makes each record of {@value WebhookTopics#ERASED} due to the tenant's subscriptions as {@code member.erased}
 * before it is acknowledged. Only a record that cannot be read fails here and goes to
 * {@value WebhookTopics#ERASED_DEAD_LETTERS}; a database failure is retried by {@link DeliveryQueue}.
 */
@ApplicationScoped
public class ErasedConsumer {

    private static final Pattern ID = Pattern.compile(MemberIds.PATTERN);

    private final ObjectReader reader;
    private final DeliveryQueue queue;
    private final Payloads payloads;

    public ErasedConsumer(ObjectMapper mapper, DeliveryQueue queue, Payloads payloads) {
        this.reader = mapper.readerFor(MemberErased.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.queue = queue;
        this.payloads = payloads;
    }

    @Incoming(WebhookTopics.ERASED)
    @Blocking(ordered = true)
    public void onErased(String json) {
        MemberErased erased = read(json);
        queue.enqueue(erased.eventId(), erased.tenantId(), erased.memberId(), EventTypes.MEMBER_ERASED,
                payloads.of(erased));
    }

    /** The record, or an {@link IllegalArgumentException} saying why it cannot be used. */
    MemberErased read(String json) {
        MemberErased erased;
        try {
            erased = json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable erasure: " + e.getMessage(), e);
        }
        if (erased == null) {
            throw new IllegalArgumentException("Empty record");
        }
        if (erased.schemaVersion() != 1) {
            throw new IllegalArgumentException("Unknown schemaVersion " + erased.schemaVersion());
        }
        if (erased.eventId() == null || erased.erasureId() == null || erased.occurredAt() == null
                || erased.tenantId() == null || !ID.matcher(erased.tenantId()).matches()
                || erased.memberId() == null || !ID.matcher(erased.memberId()).matches()) {
            throw new IllegalArgumentException("Incomplete erasure: " + json);
        }
        return erased;
    }
}
