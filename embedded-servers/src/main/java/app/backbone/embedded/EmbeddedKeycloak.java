package app.backbone.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak server, a process of its own on loopback HTTP, with the {@link KeycloakRealm} it imported at
 * start and its data in a throw-away directory. The server is built once per machine (see
 * {@link KeycloakDistribution}) and started with {@code --optimized}; it needs Java 21 or newer, found apart from
 * the JVM that starts it.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    /** What becomes of a realm signing key. */
    public enum KeyState {
        /** Signs new tokens (if it has the highest priority) and verifies. */
        ACTIVE,
        /** Still published in the JWKS, so tokens it signed still verify, but signs no new ones. */
        PASSIVE,
        /** Gone from the JWKS: tokens it signed no longer verify. */
        DISABLED
    }

    /** A signing key of the realm: the key provider (a component of the realm) and the key's {@code kid}. */
    public record SigningKey(String providerId, String kid) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADMIN_CLIENT = "backbone-admin";
    private static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path home;
    private final String baseUrl;
    private final String realm;
    private final String adminSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmbeddedKeycloak(Process process, Path home, String baseUrl, String realm, String adminSecret) {
        this.process = process;
        this.home = home;
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.adminSecret = adminSecret;
    }

    /**
     * Starts Keycloak with {@code realm} and waits until the realm answers.
     *
     * @param port the HTTP port, or 0 for a free one
     */
    public static EmbeddedKeycloak start(KeycloakRealm realm, int port) throws IOException {
        Path javaHome = KeycloakDistribution.javaHome();
        Path built = KeycloakDistribution.built(javaHome);
        Path home = Files.createTempDirectory("backbone-keycloak-");
        KeycloakDistribution.linkHome(built, home);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve(realm.name() + "-realm.json"), realm.toJson());

        int httpPort = port == 0 ? FreePorts.find() : port;
        String baseUrl = "http://127.0.0.1:" + httpPort;
        String adminSecret = UUID.randomUUID().toString();
        ProcessBuilder builder = KeycloakDistribution.kc(javaHome, home, "start", List.of("--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort, "--hostname=" + baseUrl,
                "--cache=local", "--import-realm"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", ADMIN_CLIENT);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", adminSecret);
        Process process = builder.redirectOutput(home.resolve("keycloak.log").toFile()).start();
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(process, home, baseUrl, realm.name(), adminSecret);
        try {
            keycloak.awaitReady();
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The realm's issuer, the {@code iss} of its tokens. */
    public String issuer() {
        return baseUrl + "/realms/" + realm;
    }

    /** The realm's JSON Web Key Set: the public keys of its enabled (active and passive) signing keys. */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token for the user, from the password grant of {@link KeycloakRealm#TEST_CLIENT}. */
    public String token(String username, String password) {
        return tokenFrom(issuer(), Map.of("grant_type", "password", "client_id", KeycloakRealm.TEST_CLIENT,
                "username", username, "password", password));
    }

    /** The key that signs the realm's new tokens. */
    public SigningKey signingKey() {
        JsonNode keys = admin("GET", "/keys", null);
        String kid = keys.path("active").path("RS256").asText();
        return StreamSupport.stream(keys.path("keys").spliterator(), false)
                .filter(key -> kid.equals(key.path("kid").asText()))
                .map(key -> new SigningKey(key.path("providerId").asText(), kid))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Realm " + realm + " has no active RS256 key"));
    }

    /**
     * Adds a new generated RS256 key with a higher priority than every key of the realm, so that it signs from now
     * on, and puts the key that signed until now into {@code previous}.
     *
     * @return the new key
     */
    public SigningKey rotateSigningKey(KeyState previous) {
        SigningKey old = signingKey();
        int priority = StreamSupport.stream(admin("GET", "/keys", null).path("keys").spliterator(), false)
                .mapToInt(key -> key.path("providerPriority").asInt())
                .max()
                .orElse(0) + 100;
        ObjectNode provider = JSON.createObjectNode()
                .put("name", "rsa-" + UUID.randomUUID())
                .put("providerId", "rsa-generated")
                .put("providerType", KEY_PROVIDER_TYPE)
                .put("parentId", realm);
        ObjectNode config = provider.putObject("config");
        config.putArray("priority").add(String.valueOf(priority));
        config.putArray("algorithm").add("RS256");
        config.putArray("active").add("true");
        config.putArray("enabled").add("true");
        admin("POST", "/components", provider);
        setKeyState(old, previous);
        SigningKey rotated = signingKey();
        if (rotated.equals(old)) {
            throw new IllegalStateException("Realm " + realm + " still signs with " + old.kid());
        }
        return rotated;
    }

    /** Makes a key active, passive or disabled. */
    public void setKeyState(SigningKey key, KeyState state) {
        ObjectNode component = (ObjectNode) admin("GET", "/components/" + key.providerId(), null);
        ObjectNode config = (ObjectNode) component.path("config");
        config.putArray("active").add(String.valueOf(state == KeyState.ACTIVE));
        config.putArray("enabled").add(String.valueOf(state != KeyState.DISABLED));
        admin("PUT", "/components/" + key.providerId(), component);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "):\n"
                        + KeycloakDistribution.tail(home.resolve("keycloak.log")));
            }
            if (answers(discovery)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve realm " + realm + " within " + READY_TIMEOUT + ":\n"
                + KeycloakDistribution.tail(home.resolve("keycloak.log")));
    }

    private boolean answers(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    /** Calls the admin REST API of the realm with a fresh token of the bootstrap admin client. */
    private JsonNode admin(String method, String path, JsonNode body) {
        String token = tokenFrom(baseUrl + "/realms/master", Map.of("grant_type", "client_credentials",
                "client_id", ADMIN_CLIENT, "client_secret", adminSecret));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : parse(response.body());
    }

    private String tokenFrom(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request to " + realmUrl + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return parse(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered no JSON: " + json, e);
        }
    }

    /** Stops the server and its launcher script, then removes its directory. */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tree.forEach(ProcessHandle::destroyForcibly);
                break;
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        KeycloakDistribution.deleteTree(home);
    }
}
