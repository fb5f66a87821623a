package app.backbone.webhook.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.webhook.domain.EventTypes;
import app.backbone.webhook.messaging.Insight;
import app.backbone.webhook.messaging.MemberErased;

/**
 * The bodies chains are sent, {@code {type, timestamp, data}}, as described by {@code contracts/webhooks/*.json}:
 * {@code timestamp} is when the fact happened, {@code data} what a chain needs of it (never the tenant, which is the
 * subscription's own).
 */
@ApplicationScoped
public class Payloads {

    private final ObjectMapper mapper;

    public Payloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The webhook type of an insight: {@code record.achieved} or {@code deload.recommended}. */
    public static String typeOf(Insight insight) {
        return "RECORD_ACHIEVED".equals(insight.type()) ? EventTypes.RECORD_ACHIEVED : EventTypes.DELOAD_RECOMMENDED;
    }

    public String of(Insight insight) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", insight.eventId());
        data.put("memberId", insight.memberId());
        data.put("exerciseId", insight.exerciseId());
        data.put("sessionId", insight.sessionId());
        data.put("completedAt", insight.completedAt());
        if (insight.record() != null) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", insight.record().kind());
            record.put("previousValue", insight.record().previousValue());
            record.put("newValue", insight.record().newValue());
            record.put("unit", insight.record().unit());
            if (insight.record().loadKg() != null) {
                record.put("loadKg", insight.record().loadKg());
            }
            data.put("record", record);
        }
        if (insight.recommendation() != null) {
            Map<String, Object> recommendation = new LinkedHashMap<>();
            recommendation.put("action", insight.recommendation().action());
            recommendation.put("nextLoadKg", insight.recommendation().nextLoadKg());
            recommendation.put("reason", insight.recommendation().reason());
            data.put("recommendation", recommendation);
        }
        return body(typeOf(insight), insight.occurredAt(), data);
    }

    public String of(MemberErased erased) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", erased.eventId());
        data.put("erasureId", erased.erasureId());
        data.put("memberId", erased.memberId());
        data.put("requestedAt", erased.requestedAt());
        data.put("completedAt", erased.completedAt());
        return body(EventTypes.MEMBER_ERASED, erased.occurredAt(), data);
    }

    /** The body of a test delivery to a subscription. */
    public String test(UUID subscriptionId, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId);
        data.put("message", "A test delivery from Backbone");
        return body(EventTypes.TEST, now, data);
    }

    private String body(String type, Instant timestamp, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp);
        body.put("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a webhook body", e);
        }
    }
}
