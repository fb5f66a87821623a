package app.backbone.webhook;

import java.util.UUID;

import app.backbone.testsupport.TopicWriter;

/** Records of the consumed topics as logging-service publishes them, and webhooks subscribed through the API. */
public final class Events {

    private Events() {
    }

    /** A RECORD_ACHIEVED insight of the member. */
    public static String recordAchieved(UUID eventId, String tenant, String member, String newValue) {
        return """
                {"eventId":"%s","schemaVersion":1,"type":"RECORD_ACHIEVED","occurredAt":"2026-03-02T10:15:30Z",\
                "tenantId":"%s","memberId":"%s","exerciseId":"barbell-back-squat","sessionId":"s-1",\
                "completedAt":"2026-03-02T10:15:00Z","record":{"kind":"HEAVIEST_LOAD","previousValue":100,\
                "newValue":%s,"unit":"kg"}}""".formatted(eventId, tenant, member, newValue);
    }

    /** A DELOAD_RECOMMENDED insight of the member. */
    public static String deloadRecommended(UUID eventId, String tenant, String member) {
        return """
                {"eventId":"%s","schemaVersion":1,"type":"DELOAD_RECOMMENDED","occurredAt":"2026-03-02T10:15:30Z",\
                "tenantId":"%s","memberId":"%s","exerciseId":"bench-press","sessionId":"s-2",\
                "completedAt":"2026-03-02T10:15:00Z","recommendation":{"action":"DELOAD","nextLoadKg":72.5,\
                "reason":"Two sessions below target"}}""".formatted(eventId, tenant, member);
    }

    /** A members.erased record of the member. */
    public static String memberErased(UUID eventId, String tenant, String member) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-03-03T08:00:00Z","erasureId":"%s",\
                "tenantId":"%s","memberId":"%s","requestedAt":"2026-03-03T07:59:00Z",\
                "completedAt":"2026-03-03T08:00:00Z"}""".formatted(eventId, UUID.randomUUID(), tenant, member);
    }

    /** Publishes a record keyed by the member, as logging-service does. */
    public static void publish(String topic, String tenant, String member, String value) {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(topic, tenant + "/" + member, value);
        }
    }
}
