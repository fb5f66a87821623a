package app.backbone.dashboard.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** trainer-dashboard settings under {@code backbone.dashboard}. */
@ConfigMapping(prefix = "backbone.dashboard")
public interface DashboardConfig {

    /** logging-service's base URL, e.g. {@code http://logging-service:8083}; no default outside dev and test. */
    String loggingUrl();

    /** program-service's base URL, e.g. {@code http://program-service:8082}; no default outside dev and test. */
    String programUrl();

    /**
     * Local-only mode: a file holding a bearer token (the local stack's {@code .backbone/demo-token.txt}) that every
     * visitor is signed in with, read at each request. Refused at start in the {@code prod} profile.
     */
    Optional<Path> localTokenFile();

    /** Weeks of volume a member page shows unless asked for another span. */
    @WithDefault("12")
    int weeks();

    /** Members on one page of the list unless asked for another size. */
    @WithDefault("50")
    int pageSize();
}
