package app.backbone.logging.rest;

/** What a rebuild of the tenant's figures went through. */
public record RebuildResponse(int members, int sessions) {
}
