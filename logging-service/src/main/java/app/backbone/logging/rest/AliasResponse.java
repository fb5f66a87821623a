package app.backbone.logging.rest;

import java.time.Instant;

/** A tenant's own name for a catalog exercise. */
public record AliasResponse(String name, String exerciseId, Instant updatedAt) {
}
