package app.backbone.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void readsTheTenantAndTheUser() {
        TokenClaims claims = TokenClaims.of(jwt("{\"tenant\":\"gym-north\",\"sub\":\"42\","
                + "\"preferred_username\":\"kim\"}"));

        assertThat(claims.tenant()).isEqualTo("gym-north");
        assertThat(claims.user()).isEqualTo("kim");
    }

    @Test
    void aTokenThatIsNoJwtNamesNobody() {
        assertThat(TokenClaims.of("opaque-token")).isEqualTo(new TokenClaims(null, null));
        assertThat(TokenClaims.of("a.!!!.c")).isEqualTo(new TokenClaims(null, null));
        assertThat(TokenClaims.of(jwt("[1,2]"))).isEqualTo(new TokenClaims(null, null));
    }

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
