package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.FreePorts;

/** Runs the local stack from the packaged services, as {@code ./backbone up} does, on free ports. */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void servicesComeUpHealthyAcceptTheDemoTokenAndFindTheirDataAfterARestart() throws Exception {
        StackSettings settings = settings();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<ProcessHandle> processes;
        try (LocalStack stack = new LocalStack(settings, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            stack.start();
            stack.printSummary();
            String token = Files.readString(settings.home().resolve("demo-token.txt")).trim();
            for (ServiceProcess service : stack.services()) {
                String page = service.service().name().equals(StackSettings.DASHBOARD) ? "/" : "/q/swagger-ui/";
                assertEquals(200, get(service.baseUrl() + page, null).statusCode(), service.service().name());
            }
            assertEquals(200, get(stack.services().get(0).baseUrl() + "/exercises", token).statusCode());
            assertEquals(200, get(stack.services().get(1).baseUrl() + "/members/m-1/programs", token).statusCode());
            assertEquals(200, get(stack.services().get(2).baseUrl() + "/members/m-1/sessions", token).statusCode());
            assertEquals(200, get(stack.service("webhook-service").baseUrl() + "/webhooks", token).statusCode());
            assertEquals(401, get(stack.services().get(0).baseUrl() + "/exercises", null).statusCode());
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains(token));

            stack.loadDemoData();
            String logging = stack.service("logging-service").baseUrl();
            assertTrue(get(logging + "/members", token).body().contains("\"total\":" + DemoData.MEMBERS.size()));
            assertTrue(get(logging + "/members/anna-k/records", token).body().contains("heaviest"),
                    "the demo history beats records");
            String members = get(stack.service(StackSettings.DASHBOARD).baseUrl() + "/", null).body();
            assertTrue(members.contains("anna-k"), "the dashboard lists the demo members: " + members);
            stack.loadDemoData();
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Demo members are loaded already."));

            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/catalog", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept_across_restarts (note text)");
                s.execute("INSERT INTO kept_across_restarts VALUES ('still here')");
            }

            LocalStack second = new LocalStack(settings, new PrintStream(new ByteArrayOutputStream()));
            assertThrows(LocalStack.AlreadyRunningException.class, second::start);

            processes = stack.services().stream().map(s -> ProcessHandle.of(s.pid()))
                    .flatMap(Optional::stream).toList();
        }
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "service process " + process.pid() + " still runs after stop");
        }

        try (LocalStack again = new LocalStack(settings, new PrintStream(new ByteArrayOutputStream()))) {
            again.start();
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/catalog", "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT note FROM kept_across_restarts")) {
                assertTrue(rs.next());
                assertEquals("still here", rs.getString(1));
            }
        }
    }

    private StackSettings settings() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Integer> ports = FreePorts.find(8);
        Map<String, String> env = Map.of(
                "BACKBONE_HOME", home.toString(),
                "BACKBONE_POSTGRES_PORT", String.valueOf(ports.get(0)),
                "BACKBONE_KAFKA_PORT", String.valueOf(ports.get(1)),
                "BACKBONE_KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(2)),
                "BACKBONE_CATALOG_PORT", String.valueOf(ports.get(3)),
                "BACKBONE_PROGRAM_PORT", String.valueOf(ports.get(4)),
                "BACKBONE_LOGGING_PORT", String.valueOf(ports.get(5)),
                "BACKBONE_WEBHOOK_PORT", String.valueOf(ports.get(6)),
                "BACKBONE_DASHBOARD_PORT", String.valueOf(ports.get(7)));
        return StackSettings.fromEnvironment(root, env);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
