package app.backbone.dashboard.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Keeps local-only mode (every visitor signed in with {@code backbone.dashboard.local-token-file}) out of
 * production: the start fails when the {@code prod} profile is active with the mode on, or when the mode is on while
 * an OpenID Connect provider is configured too.
 */
@ApplicationScoped
public class LocalMode {

    void onStart(@Observes StartupEvent event, DashboardConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidcEnabled) {
        check(ConfigUtils.getProfiles(), config.localTokenFile().isPresent(), oidcEnabled);
    }

    /** Throws when local-only mode is on where it must not be. */
    static void check(List<String> profiles, boolean localMode, boolean oidcEnabled) {
        if (!localMode) {
            return;
        }
        if (profiles.contains("prod")) {
            throw new IllegalStateException("backbone.dashboard.local-token-file signs every visitor in without a "
                    + "provider and is refused in the prod profile; run the local stack's dashboard with "
                    + "QUARKUS_PROFILE=local, or unset BACKBONE_DASHBOARD_LOCAL_TOKEN_FILE.");
        }
        if (oidcEnabled) {
            throw new IllegalStateException("backbone.dashboard.local-token-file and OpenID Connect sign-in are both "
                    + "on; local-only mode needs quarkus.oidc.tenant-enabled=false.");
        }
    }
}
