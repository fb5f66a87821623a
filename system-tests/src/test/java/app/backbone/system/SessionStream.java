package app.backbone.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.Prescription;
import app.backbone.system.CompletedSession.SetDone;
import app.backbone.system.ExpectedFigures.ExpectedInsight;
import app.backbone.system.ExpectedFigures.Facts;

/**
 * A steady stream of completed sessions of a tenant's members, made up from a seed over the last
 * {@value #WEEKS} weeks: it remembers every session sent, reads back what logging-service stored, and checks
 * logging-service's figures against {@link ExpectedFigures}.
 */
public final class SessionStream {

    static final int WEEKS = 20;
    private static final List<String> EXERCISES = List.of("romanian-deadlift", "two-handle-cable-row",
            "barbell-bench-press", "single-arm-lat-pulldown");
    private static final Map<String, Prescription> PRESCRIBED = Map.of(
            "romanian-deadlift", new Prescription(3, 8, 10),
            "two-handle-cable-row", new Prescription(3, 10, 12),
            "single-arm-lat-pulldown", new Prescription(4, 15, null));

    private final Tenant tenant;
    private final List<String> members = new ArrayList<>();
    private final Random random;
    private final Map<String, Facts> facts;
    private final LocalDate firstMonday;
    private final Map<String, CompletedSession> sent = new ConcurrentHashMap<>();
    private final List<CompletedSession> sentInOrder = new CopyOnWriteArrayList<>();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** Sessions of the members {@code memberPrefix + 0 ... memberPrefix + (members - 1)}. */
    public SessionStream(Tenant tenant, String memberPrefix, int members, long seed) {
        this.tenant = tenant;
        for (int i = 0; i < members; i++) {
            this.members.add(memberPrefix + i);
        }
        this.random = new Random(seed);
        this.facts = tenant.facts(EXERCISES.toArray(String[]::new));
        this.firstMonday = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    }

    public List<String> members() {
        return List.copyOf(members);
    }

    /** A new session of the next member, with the stream's prescriptions; not yet sent. */
    private synchronized CompletedSession next(String idPrefix) {
        int n = sequence.getAndIncrement();
        List<Entry> entries = new ArrayList<>();
        for (String exerciseId : EXERCISES) {
            if (entries.isEmpty() || random.nextInt(3) > 0) {
                List<SetDone> sets = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    sets.add(set());
                }
                entries.add(new Entry(exerciseId, PRESCRIBED.get(exerciseId), sets));
            }
        }
        Instant start = firstMonday.atStartOfDay().toInstant(ZoneOffset.UTC);
        long minutes = Duration.between(start, Instant.now().minus(Duration.ofHours(1))).toMinutes();
        return new CompletedSession(members.get(n % members.size()), idPrefix + n,
                start.plus(Duration.ofMinutes(random.nextInt((int) minutes))), entries);
    }

    private SetDone set() {
        Integer rir = random.nextInt(4) == 0 ? null : random.nextInt(6);
        BigDecimal load = random.nextInt(8) == 0 ? null : BigDecimal.valueOf(20 + 2.5 * random.nextInt(33));
        return new SetDone(5 + random.nextInt(12), load, rir, random.nextInt(10) == 0, null,
                random.nextInt(10) == 0);
    }

    /** Remembers a session as sent; a repeat of the same session id must change nothing. */
    private void sent(CompletedSession session) {
        sent.put(session.sessionId(), session);
        sentInOrder.add(session);
        events.incrementAndGet();
    }

    /** Counts one more event that repeats a session already sent. */
    private void repeated() {
        events.incrementAndGet();
    }

    /**
     * Publishes new sessions straight to Kafka until {@link #stop}, pausing between them; every tenth event is
     * published again as it was, every fifteenth session again under a new event id.
     */
    public Thread publishInBackground(SessionPublisher publisher, Duration pause) {
        return inBackground("session-publisher", pause, () -> {
            CompletedSession session = next("k-");
            String event = publisher.event(session);
            publisher.send(session.memberId(), event);
            sent(session);
            if (events.get() % 10 == 0) {
                publisher.send(session.memberId(), event);
                repeated();
            }
            if (sent.size() % 15 == 0) {
                publisher.send(session.memberId(), publisher.event(session));
                repeated();
            }
        });
    }

    /**
     * Reports new sessions to program-service until {@link #stop}, each against its member's program, pausing
     * between them; every answer must be 202.
     */
    public Thread reportInBackground(Map<String, JsonNode> programs, Duration pause) {
        return inBackground("session-reporter", pause, () -> {
            CompletedSession session = next("r-");
            JsonNode program = programs.get(session.memberId());
            JsonNode answer = tenant.report(program.get("id").asText(), session).expect(202).json();
            sent(session.prescribedBy(Tenant.prescriptions(program, answer)));
        });
    }

    private Thread inBackground(String name, Duration pause, Runnable step) {
        Thread thread = new Thread(() -> {
            while (running) {
                step.run();
                pauseFor(pause);
            }
        }, name);
        thread.setUncaughtExceptionHandler((t, e) -> failure = e);
        thread.start();
        return thread;
    }

    /** Stops a background sender of this stream and fails if it failed. */
    public void stop(Thread thread) throws InterruptedException {
        running = false;
        thread.join();
        failIfSendingFailed();
    }

    /** Distinct sessions sent; fails once a background sender failed. */
    public int published() {
        failIfSendingFailed();
        return sent.size();
    }

    private void failIfSendingFailed() {
        if (failure != null) {
            throw new AssertionError("Sending sessions failed", failure);
        }
    }

    /** Events sent, repeats included. */
    public int events() {
        return events.get();
    }

    /** Sessions logging-service holds for the stream's members. */
    public long storedCount() {
        return members.stream().mapToLong(tenant::sessionCount).sum();
    }

    /** Asserts that logging-service holds each session sent exactly once, and nothing else. */
    public void assertStoredOnce() {
        for (String member : members) {
            List<String> stored = tenant.sessionIds(member);
            assertEquals(stored.size(), new HashSet<>(stored).size(), () -> member + " has a session twice");
            assertEquals(new HashSet<>(sessionIdsOf(member)), new HashSet<>(stored), () -> "sessions of " + member);
        }
    }

    /** Asserts volume, progression and records of every member against the formulas; returns them as read. */
    public List<String> assertFiguresOfTheFormulas() {
        LocalDate lastSunday = firstMonday.plusWeeks(WEEKS).minusDays(1);
        for (String member : members) {
            Collection<CompletedSession> sessions = sessionsOf(member);
            ExpectedFigures.assertWeeks(ExpectedFigures.weeks(sessions, facts, firstMonday, lastSunday),
                    tenant.volume(member, firstMonday, lastSunday));
            for (String exercise : EXERCISES) {
                ExpectedFigures.Progression expected = ExpectedFigures.progression(sessions, exercise,
                        facts.get(exercise));
                Reply progression = tenant.progression(member, exercise);
                if (expected == null) {
                    progression.expect(404);
                } else {
                    ExpectedFigures.assertProgression(expected, progression.expect(200).json());
                }
            }
            for (JsonNode entry : tenant.records(member).get("exercises")) {
                String exercise = entry.get("exerciseId").asText();
                ExpectedFigures.assertRecords(ExpectedFigures.progression(sessions, exercise, facts.get(exercise))
                        .records(), entry.get("records"));
            }
        }
        return figures();
    }

    /** Every member's volume, progression and records answers, as read now. */
    public List<String> figures() {
        LocalDate lastSunday = firstMonday.plusWeeks(WEEKS).minusDays(1);
        List<String> figures = new ArrayList<>();
        for (String member : members) {
            figures.add(tenant.volume(member, firstMonday, lastSunday).toString());
            for (String exercise : EXERCISES) {
                figures.add(tenant.progression(member, exercise).text());
            }
            figures.add(tenant.records(member).toString());
        }
        return figures;
    }

    /**
     * Asserts that {@code training.insights} holds each insight the formulas expect of the sessions, in the order each
     * member's were sent (one publisher keeps it), exactly once, and no other insight of the tenant.
     *
     * @return how many insights there are
     */
    public int assertInsightsOnce(String bootstrapServers) {
        return assertInsightsOnce(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** {@link #assertInsightsOnce(String)} on a broker reached with these client settings. */
    public int assertInsightsOnce(Map<String, Object> connection) {
        Map<ExpectedInsight, Long> expected = new HashMap<>();
        for (String member : members) {
            ExpectedFigures.insights(sentInOrder.stream().filter(s -> s.memberId().equals(member)).toList(), facts)
                    .forEach(insight -> expected.merge(insight, 1L, Long::sum));
        }
        Map<ExpectedInsight, Set<String>> eventIds = new HashMap<>();
        for (ConsumerRecord<String, String> record : Topics.readAll(connection, Topics.INSIGHTS)) {
            JsonNode insight = json(record.value());
            if (insight.get("tenantId").asText().equals(tenant.id())) {
                eventIds.computeIfAbsent(ExpectedInsight.of(insight), i -> new HashSet<>())
                        .add(insight.get("eventId").asText());
            }
        }
        Map<ExpectedInsight, Long> published = new HashMap<>();
        eventIds.forEach((insight, ids) -> published.put(insight, (long) ids.size()));
        assertEquals(expected, published, "insights of the sessions, each once (by event id: a record the relay "
                + "sent again after a kill is the same event, which consumers drop by its eventId)");
        return expected.size();
    }

    private static JsonNode json(String value) {
        try {
            return Api.JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + value, e);
        }
    }

    private List<String> sessionIdsOf(String member) {
        return sessionsOf(member).stream().map(CompletedSession::sessionId).toList();
    }

    private Collection<CompletedSession> sessionsOf(String member) {
        Map<String, CompletedSession> ofMember = new HashMap<>();
        sent.values().stream().filter(s -> s.memberId().equals(member)).forEach(s -> ofMember.put(s.sessionId(), s));
        return ofMember.values();
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
