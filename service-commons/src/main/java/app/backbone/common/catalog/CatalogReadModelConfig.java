package app.backbone.common.catalog;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The catalog read model's settings, under {@code backbone.catalog-read-model}. A service has the read model when
 * it is built with {@code backbone.catalog-read-model.enabled=true}.
 */
@ConfigMapping(prefix = "backbone.catalog-read-model")
public interface CatalogReadModelConfig {

    /** Whether the service keeps the read model (a build-time choice). */
    @WithDefault("false")
    boolean enabled();

    /** The service's own copy of the {@code ExerciseChanged} record, which records are read into. */
    Optional<Class<? extends ExerciseState>> eventType();

    /** The consumer group of the {@value CatalogTopic#EXERCISES} channel, whose progress readiness waits for. */
    @WithDefault("${quarkus.application.name}")
    String groupId();

    /** How long a catalog change applied on this instance takes at most to show in another instance's caches. */
    @WithDefault("PT1S")
    Duration cacheTtl();
}
