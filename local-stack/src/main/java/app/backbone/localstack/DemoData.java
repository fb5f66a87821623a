package app.backbone.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import app.backbone.localstack.DemoHistory.PlannedSession;
import app.backbone.localstack.DemoHistory.Prescription;
import app.backbone.localstack.DemoHistory.Report;

/**
 * Demo members for the demo tenant, so that a first {@code ./backbone up} has something to show: each gets a program
 * from program-service and months of sessions reported to it ({@link DemoHistory}), which reach logging-service as
 * any chain's sessions do. Loaded once: a tenant that already has members with sessions is left alone.
 */
final class DemoData {

    /** One demo member: who, what program, since when and how regularly. */
    record DemoMember(String memberId, String goal, int sessionsPerWeek, boolean includeArms, int weeksAgo,
            double adherence) {
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("anna-k", "STRENGTH", 2, false, 26, 0.95),
            new DemoMember("ben-t", "HYPERTROPHY", 2, true, 24, 0.85),
            new DemoMember("chloe-m", "BACK_HEALTH", 1, false, 20, 0.9),
            new DemoMember("dev-p", "STRENGTH", 2, true, 16, 0.7),
            new DemoMember("eli-r", "HYPERTROPHY", 2, false, 12, 0.9),
            new DemoMember("fatima-s", "BACK_HEALTH", 2, false, 8, 0.8),
            new DemoMember("gus-o", "HYPERTROPHY", 1, true, 26, 0.6),
            new DemoMember("hana-y", "STRENGTH", 2, false, 6, 1.0));

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI catalog;
    private final URI program;
    private final URI logging;
    private final String token;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Boolean> loadable = new HashMap<>();

    DemoData(URI catalog, URI program, URI logging, String token, PrintStream out, Clock clock) {
        this.catalog = catalog;
        this.program = program;
        this.logging = logging;
        this.token = token;
        this.out = out;
        this.clock = clock;
    }

    /** Loads the demo members unless the tenant has members with sessions already; prints what it did. */
    void loadUnlessPresent() throws IOException, InterruptedException {
        if (members() > 0) {
            out.println("Demo members are loaded already.");
            return;
        }
        long started = System.nanoTime();
        out.printf("Loading %d demo members with their history through the APIs ... ", MEMBERS.size());
        out.flush();
        int sessions = 0;
        for (int i = 0; i < MEMBERS.size(); i++) {
            sessions += load(MEMBERS.get(i), i);
        }
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (storedSessions() < sessions && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        out.printf("%d sessions in %.1f s%n", sessions, (System.nanoTime() - started) / 1e9);
    }

    private int load(DemoMember member, int index) throws IOException, InterruptedException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("memberId", member.memberId());
        request.put("goal", member.goal());
        request.put("sessionsPerWeek", member.sessionsPerWeek());
        request.put("includeArms", member.includeArms());
        JsonNode created = send("POST", program.resolve("/programs"), request, 201);
        String programId = created.get("id").asText();
        List<PlannedSession> cycle = cycle(created);
        Set<String> loaded = new HashSet<>();
        for (PlannedSession session : cycle) {
            for (Prescription prescription : session.prescriptions()) {
                if (loadable(prescription.exerciseId())) {
                    loaded.add(prescription.exerciseId());
                }
            }
        }
        Instant now = clock.instant();
        LocalDate firstMonday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(member.weeksAgo());
        List<Report> reports = DemoHistory.of(member.memberId(), index, cycle, loaded, firstMonday, now,
                member.adherence());
        for (Report report : reports) {
            send("POST", program.resolve("/programs/" + programId + "/sessions"), report, 202);
        }
        return reports.size();
    }

    /** The program's sessions, week by week, in the order the program gives them. */
    private static List<PlannedSession> cycle(JsonNode program) {
        List<PlannedSession> sessions = new ArrayList<>();
        for (JsonNode week : program.get("cycle")) {
            int index = 0;
            for (JsonNode session : week.get("sessions")) {
                List<Prescription> prescriptions = new ArrayList<>();
                for (JsonNode block : session.get("blocks")) {
                    for (JsonNode p : block.get("prescriptions")) {
                        prescriptions.add(new Prescription(p.get("exerciseId").asText(), p.path("sets").asInt(1),
                                integer(p, "repsMin"), integer(p, "repsMax"), integer(p, "seconds"),
                                integer(p, "secondsMax"), integer(p, "targetRir"), p.path("toFailure").asBoolean()));
                    }
                }
                sessions.add(new PlannedSession(week.get("week").asInt(), ++index, week.path("deload").asBoolean(),
                        prescriptions));
            }
        }
        return sessions;
    }

    private boolean loadable(String exerciseId) throws IOException, InterruptedException {
        Boolean known = loadable.get(exerciseId);
        if (known == null) {
            known = send("GET", catalog.resolve("/exercises/" + exerciseId), null, 200).path("loadable").asBoolean();
            loadable.put(exerciseId, known);
        }
        return known;
    }

    /** The sessions logging-service has stored for the demo members. */
    private long storedSessions() throws IOException, InterruptedException {
        long stored = 0;
        for (JsonNode member : send("GET", logging.resolve("/members?size=" + MEMBERS.size()), null, 200)
                .get("items")) {
            stored += member.get("sessions").asLong();
        }
        return stored;
    }

    private long members() throws IOException, InterruptedException {
        return send("GET", logging.resolve("/members?size=1"), null, 200).path("total").asLong();
    }

    private JsonNode send(String method, URI uri, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + uri + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }
}
