package app.backbone.webhook.messaging;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.MemberIds;
import app.backbone.webhook.service.DeliveryQueue;
import app.backbone.webhook.service.Payloads;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Makes each record of {@value WebhookTopics#INSIGHTS} due to the tenant's subscriptions before it is acknowledged.
 * Only a record that cannot be read fails here and goes to {@value WebhookTopics#INSIGHTS_DEAD_LETTERS} (the
 * channel's dead-letter strategy, reason in headers); a database failure is retried by {@link DeliveryQueue}.
 */
@ApplicationScoped
public class InsightConsumer {

    private static final Pattern ID = Pattern.compile(MemberIds.PATTERN);

    private final ObjectReader reader;
    private final DeliveryQueue queue;
    private final Payloads payloads;

    public InsightConsumer(ObjectMapper mapper, DeliveryQueue queue, Payloads payloads) {
        this.reader = mapper.readerFor(Insight.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.queue = queue;
        this.payloads = payloads;
    }

    @Incoming(WebhookTopics.INSIGHTS)
    @Blocking(ordered = true)
    public void onInsight(String json) {
        Insight insight = read(json);
        queue.enqueue(insight.eventId(), insight.tenantId(), insight.memberId(), Payloads.typeOf(insight),
                payloads.of(insight));
    }

    /** The record, or an {@link IllegalArgumentException} saying why it cannot be used. */
    Insight read(String json) {
        Insight insight;
        try {
            insight = json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable insight: " + e.getMessage(), e);
        }
        if (insight == null) {
            throw new IllegalArgumentException("Empty record");
        }
        if (insight.schemaVersion() != 1) {
            throw new IllegalArgumentException("Unknown schemaVersion " + insight.schemaVersion());
        }
        boolean record = "RECORD_ACHIEVED".equals(insight.type()) && insight.record() != null;
        boolean deload = "DELOAD_RECOMMENDED".equals(insight.type()) && insight.recommendation() != null;
        if (insight.eventId() == null || insight.occurredAt() == null || !(record || deload)
                || insight.tenantId() == null || !ID.matcher(insight.tenantId()).matches()
                || insight.memberId() == null || !ID.matcher(insight.memberId()).matches()) {
            throw new IllegalArgumentException("Incomplete insight: " + json);
        }
        return insight;
    }
}
