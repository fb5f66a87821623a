package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.JwtKeys;

class BackboneTest {

    @TempDir
    Path home;

    @Test
    void tokenCarriesTenantRolesAndLifetimeAndIsSignedWithTheStoredKey() throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(Path.of(""), Map.of("BACKBONE_HOME", home.toString()));
        String token = Backbone.token(settings, List.of("--tenant", "gym-9", "--roles", "trainer,integration",
                "--ttl", "2h"));
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(true, claims.contains("\"tenant\":\"gym-9\""));
        assertEquals(true, claims.contains("\"groups\":[\"trainer\",\"integration\"]"));
        var verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(JwtKeys.load(home.resolve("jwt")).publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes());
        assertEquals(true, verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void tokenNeedsAWellFormedTenant() {
        StackSettings settings = StackSettings.fromEnvironment(Path.of(""), Map.of("BACKBONE_HOME", home.toString()));
        assertThrows(IllegalArgumentException.class, () -> Backbone.token(settings, List.of("--roles", "admin")));
        assertThrows(IllegalArgumentException.class, () -> Backbone.token(settings, List.of("--tenant", "a b")));
    }

    @Test
    void durationsTakeAUnit() {
        assertEquals(Duration.ofHours(8), Backbone.parseDuration("8h"));
        assertEquals(Duration.ofDays(30), Backbone.parseDuration("30d"));
        assertThrows(IllegalArgumentException.class, () -> Backbone.parseDuration("8"));
        assertThrows(IllegalArgumentException.class, () -> Backbone.parseDuration("-1h"));
        assertThrows(IllegalArgumentException.class, () -> Backbone.parseDuration(""));
    }
}
