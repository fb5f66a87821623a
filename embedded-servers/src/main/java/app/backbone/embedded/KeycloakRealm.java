package app.backbone.embedded;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Keycloak realm Backbone's services trust, as the JSON document Keycloak imports at start: the roles
 * {@code admin}, {@code trainer} and {@code integration}; a public client for tests that may use the password grant;
 * a confidential client for the trainer dashboard (authorization code flow); and on both clients the mappers that
 * put the user's attribute {@code tenant} into the claim {@code tenant} and the user's Backbone roles into the
 * multivalued claim {@code groups}.
 *
 * @param name                  the realm's name, the last segment of its issuer URL
 * @param users                 the users created with the realm
 * @param dashboardSecret       the trainer dashboard client's secret
 * @param dashboardRedirectUris where the trainer dashboard client may be sent back after login
 */
public record KeycloakRealm(String name, List<User> users, String dashboardSecret, List<String> dashboardRedirectUris) {

    /** The roles Backbone's services know; a token's {@code groups} claim holds the user's roles among them. */
    public static final List<String> ROLES = List.of("admin", "trainer", "integration");
    /** The public client that tests get tokens from with the password grant. */
    public static final String TEST_CLIENT = "backbone-tests";
    /** The confidential client of the trainer dashboard. */
    public static final String DASHBOARD_CLIENT = "trainer-dashboard";
    /** The user attribute and the token claim that name the user's tenant. */
    public static final String TENANT = "tenant";
    /** The token claim that lists the user's roles. */
    public static final String GROUPS = "groups";

    private static final int ACCESS_TOKEN_SECONDS = 900;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A user of the realm.
     *
     * @param tenant the chain the user acts for, or {@code null} for a user without one
     * @param roles  some of {@link #ROLES}
     */
    public record User(String username, String password, String tenant, List<String> roles) {

        public User {
            if (!Set.copyOf(ROLES).containsAll(roles)) {
                throw new IllegalArgumentException("Roles must be among " + ROLES + ": " + roles);
            }
            roles = List.copyOf(roles);
        }
    }

    public KeycloakRealm {
        users = List.copyOf(users);
        dashboardRedirectUris = List.copyOf(dashboardRedirectUris);
    }

    /** The realm representation Keycloak's {@code --import-realm} reads. */
    public String toJson() {
        ObjectNode realm = JSON.createObjectNode()
                .put("id", name)
                .put("realm", name)
                .put("enabled", true)
                .put("accessTokenLifespan", ACCESS_TOKEN_SECONDS);
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        ROLES.forEach(role -> roles.addObject().put("name", role));
        ArrayNode clients = realm.putArray("clients");
        clients.add(client(TEST_CLIENT)
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", true));
        ObjectNode dashboard = client(DASHBOARD_CLIENT)
                .put("publicClient", false)
                .put("secret", dashboardSecret)
                .put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false);
        dashboardRedirectUris.forEach(dashboard.putArray("redirectUris")::add);
        dashboard.putArray("webOrigins").add("+");
        // After signing out at Keycloak, the browser may be sent back to any of the redirect URIs.
        dashboard.putObject("attributes").put("post.logout.redirect.uris", "+");
        clients.add(dashboard);
        ArrayNode scopeMappings = realm.putArray("scopeMappings");
        for (String clientId : List.of(TEST_CLIENT, DASHBOARD_CLIENT)) {
            ObjectNode mapping = scopeMappings.addObject().put("client", clientId);
            ROLES.forEach(mapping.putArray("roles")::add);
        }
        ArrayNode userNodes = realm.putArray("users");
        users.forEach(user -> userNodes.add(user(user)));
        realm.putObject("components")
                .putArray("org.keycloak.userprofile.UserProfileProvider")
                .addObject()
                .put("providerId", "declarative-user-profile")
                .putObject("config")
                .putArray("kc.user.profile.config")
                .add(userProfile());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the realm " + name, e);
        }
    }

    /**
     * A client that sees only Backbone's roles (so that {@code groups} holds nothing else) and whose tokens carry
     * {@code tenant} and {@code groups}.
     */
    private static ObjectNode client(String clientId) {
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("fullScopeAllowed", false);
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.add(mapper(TENANT, "oidc-usermodel-attribute-mapper",
                Map.of("user.attribute", TENANT, "multivalued", "false")));
        mappers.add(mapper(GROUPS, "oidc-usermodel-realm-role-mapper", Map.of("multivalued", "true")));
        return client;
    }

    /** A mapper into the claim {@code claim} of access, ID and userinfo tokens. */
    private static ObjectNode mapper(String claim, String type, Map<String, String> config) {
        ObjectNode mapper = JSON.createObjectNode()
                .put("name", claim)
                .put("protocol", "openid-connect")
                .put("protocolMapper", type);
        ObjectNode settings = mapper.putObject("config");
        config.forEach(settings::put);
        settings.put("claim.name", claim)
                .put("jsonType.label", "String")
                .put("access.token.claim", "true")
                .put("id.token.claim", "true")
                .put("userinfo.token.claim", "true")
                .put("introspection.token.claim", "true");
        return mapper;
    }

    private static ObjectNode user(User user) {
        ObjectNode node = JSON.createObjectNode()
                .put("username", user.username())
                .put("enabled", true);
        node.putArray("credentials").addObject()
                .put("type", "password")
                .put("value", user.password())
                .put("temporary", false);
        user.roles().forEach(node.putArray("realmRoles")::add);
        if (user.tenant() != null) {
            node.putObject("attributes").putArray(TENANT).add(user.tenant());
        }
        return node;
    }

    /**
     * The declarative user profile: a username, an optional e-mail and the {@code tenant} attribute, which only
     * administrators see and set. Without it Keycloak would drop {@code tenant} as an unmanaged attribute and
     * refuse password grants for users without first and last name.
     */
    private static String userProfile() {
        Map<String, Object> adminOnly = Map.of("view", List.of("admin"), "edit", List.of("admin"));
        Map<String, Object> everyone = Map.of("view", List.of("admin", "user"), "edit", List.of("admin", "user"));
        List<Map<String, Object>> attributes = List.of(
                Map.of("name", "username", "permissions", everyone,
                        "validations", Map.of("length", Map.of("min", 1, "max", 255))),
                Map.of("name", "email", "permissions", everyone,
                        "validations", Map.of("email", Map.of(), "length", Map.of("max", 255))),
                Map.of("name", TENANT, "permissions", adminOnly,
                        "validations", Map.of("pattern", Map.of("pattern", "^[A-Za-z0-9._:-]{1,64}$"))));
        try {
            return JSON.writeValueAsString(Map.of("attributes", attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the user profile", e);
        }
    }
}
