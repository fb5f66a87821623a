package app.backbone.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.embedded.KeycloakRealm.User;

class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakRealm realm = new KeycloakRealm("backbone",
            List.of(new User("coach", "secret-1", "gym-kc", List.of("trainer")),
                    new User("robot", "secret-2", null, List.of("integration", "admin"))),
            "dashboard-secret", List.of("http://localhost:8080/*"));

    @Test
    void realmHasBackbonesRolesAndIsNamedForItsIssuer() throws Exception {
        JsonNode json = JSON.readTree(realm.toJson());

        assertEquals("backbone", json.path("realm").asText());
        assertEquals("backbone", json.path("id").asText());
        assertEquals(List.of("admin", "trainer", "integration"), texts(json.path("roles").path("realm"), "name"));
    }

    @Test
    void testClientIsPublicWithThePasswordGrantOnly() throws Exception {
        JsonNode client = client(KeycloakRealm.TEST_CLIENT);

        assertTrue(client.path("publicClient").asBoolean());
        assertTrue(client.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.path("standardFlowEnabled").asBoolean());
    }

    @Test
    void dashboardClientIsConfidentialWithTheCodeFlowToItsRedirectUris() throws Exception {
        JsonNode client = client(KeycloakRealm.DASHBOARD_CLIENT);

        assertFalse(client.path("publicClient").asBoolean());
        assertEquals("dashboard-secret", client.path("secret").asText());
        assertTrue(client.path("standardFlowEnabled").asBoolean());
        assertFalse(client.path("directAccessGrantsEnabled").asBoolean());
        assertEquals(List.of("http://localhost:8080/*"), texts(client.path("redirectUris"), null));
    }

    @Test
    void everyClientPutsTenantAndRolesIntoTheAccessToken() throws Exception {
        for (String clientId : List.of(KeycloakRealm.TEST_CLIENT, KeycloakRealm.DASHBOARD_CLIENT)) {
            Map<String, JsonNode> mappers = mappers(client(clientId));

            JsonNode tenant = mappers.get("tenant");
            assertEquals("oidc-usermodel-attribute-mapper", tenant.path("protocolMapper").asText());
            assertEquals("tenant", tenant.path("config").path("user.attribute").asText());
            assertEquals("tenant", tenant.path("config").path("claim.name").asText());
            assertEquals("true", tenant.path("config").path("access.token.claim").asText());
            assertEquals("false", tenant.path("config").path("multivalued").asText());

            JsonNode groups = mappers.get("groups");
            assertEquals("oidc-usermodel-realm-role-mapper", groups.path("protocolMapper").asText());
            assertEquals("groups", groups.path("config").path("claim.name").asText());
            assertEquals("true", groups.path("config").path("access.token.claim").asText());
            assertEquals("true", groups.path("config").path("multivalued").asText());
        }
    }

    @Test
    void clientsSeeOnlyBackbonesRolesSoGroupsHoldsNothingElse() throws Exception {
        JsonNode json = JSON.readTree(realm.toJson());

        for (String clientId : List.of(KeycloakRealm.TEST_CLIENT, KeycloakRealm.DASHBOARD_CLIENT)) {
            assertFalse(client(clientId).path("fullScopeAllowed").asBoolean());
            JsonNode mapping = stream(json.path("scopeMappings"))
                    .filter(node -> clientId.equals(node.path("client").asText()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(KeycloakRealm.ROLES, texts(mapping.path("roles"), null));
        }
    }

    @Test
    void usersHaveTheirPasswordRolesAndTenant() throws Exception {
        JsonNode users = JSON.readTree(realm.toJson()).path("users");

        JsonNode coach = users.get(0);
        assertEquals("coach", coach.path("username").asText());
        assertEquals("secret-1", coach.path("credentials").get(0).path("value").asText());
        assertFalse(coach.path("credentials").get(0).path("temporary").asBoolean());
        assertEquals(List.of("trainer"), texts(coach.path("realmRoles"), null));
        assertEquals(List.of("gym-kc"), texts(coach.path("attributes").path("tenant"), null));

        JsonNode robot = users.get(1);
        assertEquals(List.of("integration", "admin"), texts(robot.path("realmRoles"), null));
        assertTrue(robot.path("attributes").isMissingNode());
    }

    @Test
    void userProfileDeclaresTheTenantAttributeForAdministratorsOnly() throws Exception {
        JsonNode provider = JSON.readTree(realm.toJson())
                .path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = JSON.readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());

        JsonNode tenant = stream(profile.path("attributes"))
                .filter(attribute -> "tenant".equals(attribute.path("name").asText()))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("admin"), texts(tenant.path("permissions").path("edit"), null));
        assertEquals(List.of("admin"), texts(tenant.path("permissions").path("view"), null));
        assertTrue(stream(profile.path("attributes")).noneMatch(attribute -> attribute.has("required")));
    }

    @Test
    void aRoleServicesDoNotKnowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new User("x", "y", "gym-kc", List.of("member")));
    }

    private JsonNode client(String clientId) throws Exception {
        return stream(JSON.readTree(realm.toJson()).path("clients"))
                .filter(client -> clientId.equals(client.path("clientId").asText()))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, JsonNode> mappers(JsonNode client) {
        return stream(client.path("protocolMappers"))
                .collect(Collectors.toMap(mapper -> mapper.path("name").asText(), mapper -> mapper));
    }

    private static List<String> texts(JsonNode array, String field) {
        return stream(array).map(node -> field == null ? node.asText() : node.path(field).asText()).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
