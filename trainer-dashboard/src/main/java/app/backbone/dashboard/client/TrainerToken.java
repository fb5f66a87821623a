package app.backbone.dashboard.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import app.backbone.dashboard.config.DashboardConfig;
import app.backbone.dashboard.domain.TokenClaims;

/**
 * The signed-in trainer's access token, which the dashboard sends on to logging- and program-service and never
 * writes into a page: the one the OpenID Connect code flow obtained for this browser session, or in local-only mode
 * the token of {@code backbone.dashboard.local-token-file}, read at each request (the local stack rewrites it at
 * every start).
 */
@ApplicationScoped
public class TrainerToken {

    private final Optional<Path> localTokenFile;
    private final SecurityIdentity identity;

    public TrainerToken(DashboardConfig config, SecurityIdentity identity) {
        this.localTokenFile = config.localTokenFile();
        this.identity = identity;
    }

    /** The token as an {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token();
    }

    /** Whom the token names, for the page header. */
    public TokenClaims claims() {
        return TokenClaims.of(token());
    }

    private String token() {
        if (localTokenFile.isPresent()) {
            try {
                return Files.readString(localTokenFile.get()).strip();
            } catch (IOException e) {
                throw new SignInUnavailable("Local-only mode: cannot read the token file " + localTokenFile.get()
                        + " (is the local stack running?).", e);
            }
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new UnauthorizedException("Not signed in");
        }
        return credential.getToken();
    }
}
