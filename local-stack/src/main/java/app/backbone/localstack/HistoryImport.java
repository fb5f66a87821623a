package app.backbone.localstack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Uploads a history file to logging-service's import endpoint and follows the import until it ends, drawing a
 * progress bar (upload, then rows stored) on a terminal line.
 */
public final class HistoryImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR = 30;
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI logging;
    private final String token;
    private final PrintStream out;

    public HistoryImport(URI logging, String token, PrintStream out) {
        this.logging = logging;
        this.token = token;
        this.out = out;
    }

    /** The import's end state, or the refusal. */
    public record Outcome(int status, JsonNode body) {

        public boolean done() {
            return status == 202 && "DONE".equals(body.path("status").asText());
        }
    }

    /**
     * Uploads {@code file} for {@code member} and waits for the import to end.
     *
     * @param query source, timeZone, weightUnit, dryRun, unmapped: those given
     */
    public Outcome run(Path file, String member, Map<String, String> query) throws IOException, InterruptedException {
        long size = Files.size(file);
        AtomicLong sent = new AtomicLong();
        String parameters = query.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest upload = HttpRequest.newBuilder(logging.resolve("/members/"
                        + URLEncoder.encode(member, StandardCharsets.UTF_8) + "/imports?" + parameters))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> counting(file, sent)), size))
                .build();
        var answer = http.sendAsync(upload, HttpResponse.BodyHandlers.ofString());
        while (!answer.isDone()) {
            bar("uploading", sent.get(), size, "bytes");
            Thread.sleep(POLL.toMillis());
        }
        HttpResponse<String> started = answer.join();
        JsonNode body = JSON.readTree(started.body().isEmpty() ? "{}" : started.body());
        if (started.statusCode() != 202) {
            out.println();
            return new Outcome(started.statusCode(), body);
        }
        URI location = logging.resolve(started.headers().firstValue("Location").orElseThrow());
        while ("RUNNING".equals(body.path("status").asText())) {
            bar(body.path("dryRun").asBoolean() ? "checking" : "importing", body.path("rowsRead").asLong(),
                    body.path("rowsTotal").asLong(), "rows");
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> polled = http.send(HttpRequest.newBuilder(location)
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            body = JSON.readTree(polled.body());
        }
        bar(body.path("dryRun").asBoolean() ? "checked" : "imported", body.path("rowsRead").asLong(),
                body.path("rowsTotal").asLong(), "rows");
        out.println();
        return new Outcome(202, body);
    }

    /** A few lines that say how the import ended. */
    public static String summary(Outcome outcome) {
        JsonNode b = outcome.body();
        if (outcome.status() != 202) {
            StringBuilder refused = new StringBuilder("Refused (" + outcome.status() + "): "
                    + b.path("detail").asText(b.toString()));
            b.path("errors").forEach(e -> refused.append("\n  ")
                    .append(e.has("line") ? "line " + e.path("line").asLong() + ", " : "")
                    .append(e.path("field").asText("")).append(": ").append(e.path("message").asText()));
            b.path("unmappedExercises").forEach(u -> refused.append("\n  ").append(u.path("name").asText())
                    .append(" (").append(u.path("rows").asLong()).append(" rows); closest: ")
                    .append(names(u.path("closest"))));
            return refused.toString();
        }
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("status", b.path("status").asText());
        lines.put("format", b.path("variant").asText());
        lines.put("rows", b.path("rowsRead").asLong() + " read, " + b.path("rowsSkipped").asLong()
                + " skipped (rest timers, cardio)");
        lines.put("sessions", b.path("sessionsFound").asInt() + " in the file, " + b.path("sessionsStored").asInt()
                + " stored, " + b.path("sessionsAlreadyPresent").asInt() + " already present, "
                + b.path("sessionsWithoutExercises").asInt() + " without a mapped exercise");
        if (b.path("unmappedExercises").size() > 0) {
            StringBuilder unmapped = new StringBuilder();
            b.path("unmappedExercises").forEach(u -> unmapped.append("\n    ").append(u.path("name").asText())
                    .append(" (").append(u.path("rows").asLong()).append(" rows)"));
            lines.put("left out", unmapped.toString());
        }
        if (b.path("errorCount").asInt() > 0) {
            lines.put("unreadable values", b.path("errorCount").asInt());
        }
        if (!b.path("failure").isNull() && !b.path("failure").isMissingNode()) {
            lines.put("failure", b.path("failure").asText());
        }
        return lines.entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static String names(JsonNode matches) {
        StringBuilder names = new StringBuilder();
        matches.forEach(m -> names.append(names.isEmpty() ? "" : ", ").append(m.path("exerciseId").asText()));
        return names.toString();
    }

    private void bar(String what, long done, long total, String unit) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        int filled = percent * BAR / 100;
        out.printf("\r%-10s [%s%s] %3d%%  %,d/%,d %s ", what, "#".repeat(filled), " ".repeat(BAR - filled), percent,
                done, total, unit);
        out.flush();
    }

    private static InputStream counting(Path file, AtomicLong sent) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        sent.addAndGet(n);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
