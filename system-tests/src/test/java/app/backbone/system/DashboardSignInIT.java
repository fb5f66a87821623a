package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.embedded.EmbeddedKeycloak;
import app.backbone.embedded.FreePorts;
import app.backbone.embedded.KeycloakRealm;
import app.backbone.embedded.KeycloakRealm.User;
import app.backbone.localstack.ServiceProcess;
import app.backbone.system.CompletedSession.Entry;

/**
 * Signing in to the trainer dashboard through a real Keycloak's own login page, as a chain deploys it: the dashboard
 * in its {@code prod} profile (authorization code flow), and logging-service and program-service instances that
 * verify tokens through Keycloak's JWKS URL (replicas of the stack's, on its databases and broker). A trainer of the
 * chain signs in and sees the chain's members and a member's page, with no token readable by the page; another
 * chain's member is not found; an account without a Backbone role is refused by the services; signing out signs out
 * at Keycloak too.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSignInIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PASSWORD = "sign-in-test-password";
    private static final String TRAINER = "coach-anna";
    private static final String OTHER_TRAINER = "coach-other";
    private static final String WITHOUT_ROLE = "front-desk";
    private static final Duration STOP = Duration.ofSeconds(20);

    private final SystemStack stack;
    private final Tenant chain;
    private final Tenant otherChain;
    private final String member = "signin-" + UUID.randomUUID().toString().substring(0, 8);
    private final String elsewhere = "signin-elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceProcess> instances = new ArrayList<>();
    private EmbeddedKeycloak keycloak;
    private String dashboard;
    private Browser browser;

    DashboardSignInIT(SystemStack stack) {
        this.stack = stack;
        this.chain = Tenant.create(stack, "signin");
        this.otherChain = Tenant.create(stack, "signin-other");
    }

    @BeforeAll
    void startKeycloakAndTheDashboardThatSignsInThroughIt() throws Exception {
        JsonNode program = chain.createProgram(member, "STRENGTH");
        String exercise = Tenant.prescriptions(program, Api.JSON.readTree("{\"week\": 1, \"sessionIndex\": 1}"))
                .keySet().stream().sorted().findFirst().orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        publish(chain, session(member, "s-1", today.minusDays(3), new Entry(exercise, null,
                List.of(work(5, "80", 2), work(5, "80", 2)))));
        publish(chain, session(member, "s-2", today.minusDays(1), new Entry(exercise, null,
                List.of(work(5, "82.5", 2), work(5, "82.5", 1)))));
        publish(otherChain, session(elsewhere, "x-1", today.minusDays(2), new Entry(exercise, null,
                List.of(work(5, "60", 2)))));
        await().atMost(Duration.ofMinutes(2)).until(() -> chain.sessionCount(member) == 2
                && otherChain.sessionCount(elsewhere) == 1);

        List<Integer> ports = FreePorts.find(3);
        dashboard = "http://127.0.0.1:" + ports.get(2);
        String secret = UUID.randomUUID().toString();
        keycloak = EmbeddedKeycloak.start(new KeycloakRealm("backbone", List.of(
                new User(TRAINER, PASSWORD, chain.id(), List.of("trainer")),
                new User(OTHER_TRAINER, PASSWORD, otherChain.id(), List.of("trainer")),
                new User(WITHOUT_ROLE, PASSWORD, chain.id(), List.of())),
                secret, List.of(dashboard + "/*")), 0);
        Map<String, String> trustKeycloak = Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUrl(),
                "MP_JWT_VERIFY_ISSUER", keycloak.issuer());
        String logging = "http://127.0.0.1:" + ports.get(0);
        String programs = "http://127.0.0.1:" + ports.get(1);
        instances.add(stack.control().startInstance(SystemStack.LOGGING, ports.get(0), trustKeycloak));
        instances.add(stack.control().startInstance(SystemStack.PROGRAM, ports.get(1), trustKeycloak));
        instances.add(stack.control().startInstance(SystemStack.DASHBOARD, ports.get(2), Map.of(
                "QUARKUS_PROFILE", "prod",
                "BACKBONE_DASHBOARD_LOCAL_TOKEN_FILE", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer(),
                "QUARKUS_OIDC_CLIENT_ID", KeycloakRealm.DASHBOARD_CLIENT,
                "QUARKUS_OIDC_CREDENTIALS_SECRET", secret,
                "BACKBONE_DASHBOARD_LOGGING_URL", logging,
                "BACKBONE_DASHBOARD_PROGRAM_URL", programs)));
        browser = Browser.start(SCREENSHOTS);
    }

    @AfterEach
    void signOut() {
        browser.go(dashboard + "/logout");
    }

    @AfterAll
    void stopEverythingStartedHere() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (ServiceProcess instance : instances) {
            instance.stop(STOP);
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aTrainerSignsInOnKeycloaksPageAndSeesTheChainsMembersWithNoTokenInThePage() throws Exception {
        browser.go(dashboard + "/");
        assertTrue(browser.url().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"), browser.url());
        browser.screenshot("keycloak-sign-in");
        signIn(TRAINER);

        assertEquals(dashboard + "/", browser.url());
        List<String> listed = browser.rows("#members-table tbody tr").stream().map(row -> row.get("member-id"))
                .toList();
        assertEquals(List.of(member), listed, "the chain's one member, from logging-service");
        browser.screenshot("signed-in-member-list");

        browser.open(dashboard + "/members/" + member);
        assertEquals("2", browser.find("#sessions-total").getAttribute("data-value"));
        assertFalse(browser.all("#program-summary").isEmpty(), "the member's program, from program-service");

        String page = browser.find("html").getAttribute("outerHTML");
        String cookies = (String) browser.script("return document.cookie;");
        assertFalse(page.contains("eyJ"), "no token in the page");
        assertFalse(cookies.contains("eyJ"), "no token in a cookie the page can read");
        List<Cookie> session = browser.cookies().stream().filter(c -> c.getName().startsWith("q_session")).toList();
        assertFalse(session.isEmpty(), "the sign-in is kept in the dashboard's session cookie");
        session.forEach(c -> assertTrue(c.isHttpOnly(), c.getName() + " is HttpOnly"));
    }

    @Test
    void anotherChainsMemberIsNotFoundAndEachTrainerSeesOnlyTheirChain() throws Exception {
        browser.go(dashboard + "/members/" + elsewhere);
        signIn(TRAINER);
        assertEquals("404", browser.find("body").getAttribute("data-status"));
        assertTrue(browser.all("#volume-table, section.exercise, #program-summary").isEmpty());

        browser.go(dashboard + "/logout");
        browser.go(dashboard + "/");
        signIn(OTHER_TRAINER);
        assertEquals(List.of(elsewhere), browser.rows("#members-table tbody tr").stream()
                .map(row -> row.get("member-id")).toList());
    }

    @Test
    void anAccountWithNoBackboneRoleIsRefusedByTheServices() throws Exception {
        browser.go(dashboard + "/");
        signIn(WITHOUT_ROLE);
        assertEquals("403", browser.find("body").getAttribute("data-status"));
        assertTrue(browser.title().startsWith("Not allowed"), browser.title());
        browser.screenshot("no-role");
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo() throws Exception {
        browser.go(dashboard + "/");
        signIn(TRAINER);
        assertEquals(dashboard + "/", browser.url());

        browser.go(dashboard + "/logout");
        browser.go(dashboard + "/");
        assertTrue(browser.url().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"),
                "Keycloak asks for the password again: " + browser.url());
        assertFalse(browser.all("#username").isEmpty());
    }

    /** Fills in and sends Keycloak's own login form, and waits for the dashboard's page it leads back to. */
    private void signIn(String username) {
        assertTrue(browser.url().startsWith(keycloak.issuer()), browser.url());
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.follow("#kc-login");
    }

    private void publish(Tenant tenant, CompletedSession session) throws Exception {
        try (SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            publisher.send(session.memberId(), publisher.event(session));
            publisher.awaitAcks();
        }
    }

    private static CompletedSession session(String memberId, String sessionId, LocalDate day, Entry entry) {
        return new CompletedSession(memberId, sessionId, day.atTime(LocalTime.of(18, 0)).toInstant(ZoneOffset.UTC),
                List.of(entry));
    }
}
