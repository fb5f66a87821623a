package app.backbone.testsupport;

import java.util.Map;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Generates a signing key pair for the test run and points the service's token verification at it. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        JwtKeys keys = TestTokens.keys();
        return Map.of("mp.jwt.verify.publickey", keys.publicKeyPem(),
                "mp.jwt.verify.issuer", TokenMinter.DEFAULT_ISSUER);
    }

    @Override
    public void stop() {
    }
}
