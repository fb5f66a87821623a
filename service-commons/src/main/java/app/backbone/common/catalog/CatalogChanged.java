package app.backbone.common.catalog;

/**
 * Fired, after commit, when a record changed the read model, so that what a service keeps in memory from it can
 * be dropped.
 *
 * @param exerciseId the exercise whose stored state changed
 */
public record CatalogChanged(String exerciseId) {
}
