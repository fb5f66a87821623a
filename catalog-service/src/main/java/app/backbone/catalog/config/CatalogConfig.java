package app.backbone.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-service settings under {@code backbone.catalog}. */
@ConfigMapping(prefix = "backbone.catalog")
public interface CatalogConfig {

    /** How the {@code catalog.exercises} topic is created when it does not exist. */
    Topic topic();

    interface Topic {
        @WithDefault("4")
        int partitions();
    }
}
