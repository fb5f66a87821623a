package app.backbone.dashboard.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who a bearer token names, read from its claims for display only: the services the token is sent to verify it.
 * A token that is not a JWT names nobody.
 */
public record TokenClaims(String tenant, String user) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenClaims NOBODY = new TokenClaims(null, null);

    /** The {@code tenant} claim and the first of {@code upn}, {@code preferred_username}, {@code sub}. */
    public static TokenClaims of(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return NOBODY;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            return new TokenClaims(text(claims, "tenant"),
                    firstNonNull(text(claims, "upn"), text(claims, "preferred_username"), text(claims, "sub")));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return NOBODY;
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
