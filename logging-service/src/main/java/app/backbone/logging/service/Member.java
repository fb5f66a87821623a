package app.backbone.logging.service;

/** One member of one tenant. */
public record Member(String tenantId, String memberId) {
}
