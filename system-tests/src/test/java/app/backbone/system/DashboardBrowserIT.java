package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.toFailure;
import static app.backbone.system.CompletedSession.SetDone.warmup;
import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.localstack.LocalStack;
import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.SetDone;

/**
 * The trainer dashboard in a real browser (headless Chromium), as the stack serves it to the demo tenant: a member
 * with two years of sessions published to {@code training.sessions.completed} and a program from program-service is
 * listed first and found by part of its id; the member page and its print view hold exactly the figures
 * logging-service and program-service answer, with every chart drawn; another chain's member gets the 404 page, as
 * one that exists nowhere. Screenshots go to {@code target/screenshots}; how soon the member page is ready is
 * printed, never asserted.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Duration INGEST = Duration.ofMinutes(3);
    /** Two years: the longest span a member page shows. */
    private static final int WEEKS = 104;
    private static final int TIMED_LOADS = 5;
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> RECORDS = List.of("bestE1rm", "heaviestLoad", "bestSessionTonnage");
    /**
     * Notes where every text drawn on a canvas starts and ends, so that labels cut at a chart's edge show: run before
     * the page's scripts.
     */
    private static final String DRAWN_TEXT = """
            window.backboneTexts = [];
            const fillText = CanvasRenderingContext2D.prototype.fillText;
            CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
              const width = this.measureText(text).width;
              const start = this.textAlign === "right" || this.textAlign === "end" ? x - width
                  : this.textAlign === "center" ? x - width / 2 : x;
              const at = this.getTransform();
              const chart = this.canvas.closest(".chart");
              window.backboneTexts.push({ chart: chart.id || chart.closest("section[data-exercise]").dataset.exercise,
                text: String(text), left: at.a * start + at.e, right: at.a * (start + width) + at.e,
                width: this.canvas.width });
              return fillText.call(this, text, x, y, maxWidth);
            };
            """;
    private static final Set<String> LOADED_PATTERNS = Set.of("HIP_HINGE", "SQUAT", "LUNGE", "HORIZONTAL_PULL",
            "VERTICAL_PULL", "HORIZONTAL_PUSH", "VERTICAL_PUSH");

    private final SystemStack stack;
    private final Tenant demo;
    private final Tenant otherChain;
    private final String member = memberId("browser");
    private final String lessRecent = memberId("browser-earlier");
    private final String elsewhere = memberId("browser-elsewhere");
    private String dashboard;
    private String programId;
    private int sessions;
    private Browser browser;

    DashboardBrowserIT(SystemStack stack) {
        this.stack = stack;
        this.demo = Tenant.named(stack, LocalStack.DEMO_TENANT);
        this.otherChain = Tenant.create(stack, "browser-other");
    }

    @BeforeAll
    void putHistoryInAndStartTheBrowser() throws Exception {
        dashboard = stack.url(SystemStack.DASHBOARD);
        JsonNode program = demo.createProgram(member, "HYPERTROPHY");
        programId = program.get("id").asText();
        List<String> trained = loadedExercises(Tenant.prescriptions(program,
                Api.JSON.readTree("{\"week\": 1, \"sessionIndex\": 1}")).entrySet().stream()
                .filter(e -> e.getValue().repsMin() != null).map(Map.Entry::getKey).sorted().toList());
        assertFalse(trained.isEmpty(), () -> "no loaded exercise with a rep range in " + program);
        String push = loadedExercises(pattern("HORIZONTAL_PUSH")).stream().filter(id -> !trained.contains(id))
                .findFirst().orElseThrow();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CompletedSession> history = twoYears(today, trained, push);
        sessions = history.size();
        List<CompletedSession> earlier = List.of(
                session(lessRecent, "e-1", today.minusDays(30), entry(trained.get(0), work(10, "40", 2))),
                session(lessRecent, "e-2", today.minusDays(12), entry(trained.get(0), work(10, "42.5", 2))));
        List<CompletedSession> otherChains = List.of(
                session(elsewhere, "x-1", today.minusDays(5), entry(trained.get(0), work(8, "100", 1))),
                session(elsewhere, "x-2", today.minusDays(2), entry(trained.get(0), work(8, "105", 1))));
        publish(demo, history, earlier);
        publish(otherChain, otherChains);
        await().atMost(INGEST).until(() -> demo.sessionCount(member) == history.size()
                && demo.sessionCount(lessRecent) == earlier.size()
                && otherChain.sessionCount(elsewhere) == otherChains.size());
        awaitLoadsFromProgress(trained);
        browser = Browser.start(SCREENSHOTS);
        browser.beforeEveryPage(DRAWN_TEXT);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theMemberListShowsTheChainsMembersNewestFirstAndFindsOneByPartOfItsId() throws Exception {
        browser.open(dashboard + "/");
        JsonNode all = demo.members(null);
        assertEquals(memberIds(all), pageMemberIds(), "the member list, in logging-service's order");
        assertEquals(List.of(member, lessRecent), pageMemberIds().subList(0, 2), "newest activity first");
        assertEquals(all.get("total").asText(), browser.find("#page-info").getAttribute("data-total"));
        JsonNode listed = all.get("items").get(0);
        Map<String, String> row = browser.rows("#members-table tbody tr").get(0);
        assertEquals(listed.get("sessions").asInt(), Integer.parseInt(row.get("sessions.value")));
        assertEquals(Instant.parse(listed.get("firstSessionAt").asText()),
                Instant.parse(row.get("firstSessionAt.value")));
        assertEquals(Instant.parse(listed.get("lastSessionAt").asText()),
                Instant.parse(row.get("lastSessionAt.value")));
        assertEquals(listed.get("lastSessionId").asText(), row.get("lastSessionId.value"));
        browser.screenshot("member-list");

        String part = member.substring(member.length() - 6).toUpperCase();
        browser.find("#q").sendKeys(part);
        browser.follow("form.search button[type=submit]");
        assertTrue(browser.url().contains("q=" + part), browser.url());
        assertEquals(List.of(member), memberIds(demo.members(part)), "logging-service's search");
        assertEquals(List.of(member), pageMemberIds(), "the page's search");
    }

    @Test
    void theMemberPageHoldsTheFiguresTheServicesAnswerAndDrawsThem() throws Exception {
        browser.open(memberPage(""));
        assertFiguresEqualTheServices();
        assertChartsDrawn();
        browser.screenshot("member-page");
    }

    @Test
    void thePrintViewHasTheSameTablesAndNoNavigation() throws Exception {
        browser.open(memberPage(""));
        List<String> screenTables = tables();

        browser.open(memberPage("/print"));
        assertTrue(browser.find("body").getAttribute("class").contains("print"));
        assertEquals(screenTables, tables(), "the print view's tables");
        assertFiguresEqualTheServices();
        assertChartsDrawn();
        assertTrue(browser.all("nav").isEmpty(), "no navigation in the print view");
        assertEquals(1, browser.all("#print-button").size(), "the Print button");
        browser.media("print");
        try {
            assertEquals(List.of(), browser.script("""
                    return Array.from(document.querySelectorAll("a, nav, button, form"))
                        .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML);"""),
                    "links or buttons on paper");
            browser.screenshot("print-view");
        } finally {
            browser.media("");
        }
    }

    @Test
    void anotherChainsMemberGetsTheNotFoundPageAsAMemberOfNoChain() throws Exception {
        String nowhere = memberId("browser-nowhere");
        browser.open(dashboard + "/members/" + elsewhere);
        assertEquals("404", browser.find("body").getAttribute("data-status"));
        assertTrue(browser.title().startsWith("Not found"), browser.title());
        assertTrue(browser.find("#problem h1").getText().startsWith("404"), browser.find("#problem h1").getText());
        assertTrue(browser.all("#volume-table, section.exercise, #program-summary").isEmpty());
        String shown = browser.find("main").getAttribute("outerHTML");
        browser.screenshot("not-found");
        browser.open(dashboard + "/members/" + nowhere);
        assertEquals(shown, browser.find("main").getAttribute("outerHTML"), "as for a member of no chain");

        Reply answer = stack.api().get(dashboard + "/members/" + elsewhere).send().expect(404);
        assertEquals("text/html", answer.mediaType());
        assertEquals(stack.api().get(dashboard + "/members/" + nowhere).send().expect(404).text(), answer.text());
        stack.api().get(dashboard + "/members/" + elsewhere + "/print").send().expect(404);
    }

    @Test
    void howSoonTheTwoYearMemberPageIsReady() {
        OperatingSystemMXBean machine = ManagementFactory.getOperatingSystemMXBean();
        browser.open(memberPage(""));
        double[] ready = new double[TIMED_LOADS];
        double[] firstByte = new double[TIMED_LOADS];
        for (int i = 0; i < TIMED_LOADS; i++) {
            browser.open(memberPage(""));
            ready[i] = browser.readyMillis();
            firstByte[i] = ((Number) browser.script(
                    "return performance.getEntriesByType('navigation')[0].responseStart;")).doubleValue();
        }
        System.out.printf("Member page (%d weeks, %d sessions) ready in %.0f ms (median of %d loads: %s), first byte"
                + " after %.0f ms (median); 1-minute load average %.2f%n", WEEKS, sessions, median(ready), TIMED_LOADS,
                Arrays.toString(Arrays.stream(ready).mapToLong(Math::round).toArray()), median(firstByte),
                machine.getSystemLoadAverage());
    }

    private static String memberId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String memberPage(String view) {
        return dashboard + "/members/" + member + view + "?weeks=" + WEEKS;
    }

    /** Every figure in the page's tables against logging-service's and program-service's answers. */
    private void assertFiguresEqualTheServices() {
        LocalDate from = LocalDate.parse(browser.find("#span").getAttribute("data-from"));
        LocalDate to = LocalDate.parse(browser.find("#span").getAttribute("data-to"));
        assertEquals(to.minusWeeks(WEEKS - 1L), from, "the span of " + WEEKS + " weeks");
        assertEquals(String.valueOf(sessions), browser.find("#sessions-total").getAttribute("data-value"));
        assertVolume(demo.volume(member, from, to).get("weeks"));

        Set<String> exercises = new TreeSet<>();
        demo.records(member).get("exercises").forEach(e -> exercises.add(e.get("exerciseId").asText()));
        assertEquals(exercises, new TreeSet<>(browser.all("section.exercise").stream()
                .map(e -> e.getAttribute("data-exercise")).toList()), "one section per exercise with records");
        Map<String, Map<String, String>> recommendations = new HashMap<>();
        browser.rows("#recommendations-table tbody tr").forEach(r -> recommendations.put(r.get("exercise"), r));
        for (String exercise : exercises) {
            JsonNode progression = demo.progression(member, exercise).expect(200).json();
            assertProgression(exercise, progression, from);
            JsonNode advice = progression.get("recommendation");
            Map<String, String> shown = recommendations.get(exercise);
            assertEquals(advice.get("action").asText(), shown.get("action.value"), exercise);
            assertNumber(advice.get("nextLoadKg"), shown.get("nextLoadKg.value"), "next load of " + exercise);
        }
        assertEquals(exercises, recommendations.keySet(), "a recommendation per exercise");
        assertNextSession(demo.nextSession(programId));
    }

    private void assertVolume(JsonNode weeks) {
        List<Map<String, String>> volume = browser.rows("#volume-table tbody tr");
        List<Map<String, String>> hardSets = browser.rows("#hard-sets-table tbody tr");
        List<Map<String, String>> pullPush = browser.rows("#pull-push-table tbody tr");
        for (List<Map<String, String>> table : List.of(volume, hardSets, pullPush)) {
            assertEquals(weeks.size(), table.size(), "weeks");
        }
        Set<String> muscles = new TreeSet<>();
        weeks.forEach(w -> w.get("hardSetsByMuscle").fieldNames().forEachRemaining(muscles::add));
        Set<String> columns = new TreeSet<>(browser.all("#hard-sets-table thead th[data-muscle]").stream()
                .map(th -> th.getAttribute("data-muscle")).toList());
        assertEquals(muscles, columns, "a column per muscle with hard sets");
        for (int i = 0; i < weeks.size(); i++) {
            JsonNode week = weeks.get(i);
            String where = week.get("week").asText();
            for (List<Map<String, String>> table : List.of(volume, hardSets, pullPush)) {
                assertEquals(where, table.get(i).get("week"));
            }
            for (String field : List.of("sessions", "sets", "reps", "tonnageKg")) {
                assertNumber(week.get(field), volume.get(i).get(field + ".value"), field + " of " + where);
            }
            for (String muscle : muscles) {
                JsonNode sets = week.get("hardSetsByMuscle").get(muscle);
                assertNumber(sets == null ? Api.JSON.valueToTree(0) : sets, hardSets.get(i).get(muscle + ".value"),
                        muscle + " hard sets of " + where);
            }
            for (String field : List.of("pullHardSets", "pushHardSets", "pullPushRatio")) {
                assertNumber(week.get(field), pullPush.get(i).get(field + ".value"), field + " of " + where);
            }
        }
        List<JsonNode> recent = new ArrayList<>();
        weeks.forEach(recent::add);
        recent = recent.subList(Math.max(0, recent.size() - 4), recent.size());
        int pull = recent.stream().mapToInt(w -> w.get("pullHardSets").asInt()).sum();
        int push = recent.stream().mapToInt(w -> w.get("pushHardSets").asInt()).sum();
        Map<String, String> guide = browser.attributes("#pull-push");
        assertEquals(String.valueOf(pull), guide.get("pull"));
        assertEquals(String.valueOf(push), guide.get("push"));
        BigDecimal ratio = push == 0 ? null
                : BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
        assertNumber(ratio == null ? null : Api.JSON.valueToTree(ratio), guide.get("ratio"), "pull:push, 4 weeks");
        assertEquals(ratio == null ? "NO_PUSH" : ratio.compareTo(BigDecimal.valueOf(2)) >= 0 ? "MEETS" : "BELOW",
                guide.get("verdict"));
    }

    private void assertProgression(String exercise, JsonNode progression, LocalDate from) {
        String section = "section.exercise[data-exercise='" + exercise + "'] ";
        JsonNode records = progression.get("records");
        Map<String, Map<String, String>> held = new HashMap<>();
        browser.rows(section + "dd[data-record]").forEach(dd -> held.put(dd.get("record"), dd));
        for (String record : RECORDS) {
            JsonNode best = records.get(record);
            if (best == null || best.isNull()) {
                assertFalse(held.containsKey(record), record + " of " + exercise);
                continue;
            }
            assertNumber(best.get("kg"), held.get(record).get("value"), record + " of " + exercise);
            assertEquals(best.get("sessionId").asText(), held.get(record).get("session-id"),
                    record + " of " + exercise);
        }
        List<JsonNode> points = new ArrayList<>();
        progression.get("series").forEach(p -> {
            if (!LocalDate.parse(p.get("date").asText()).isBefore(from)) {
                points.add(p);
            }
        });
        List<Map<String, String>> rows = browser.rows(section + "table.e1rm-table tbody tr");
        assertEquals(points.size(), rows.size(), "sessions of " + exercise);
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            Map<String, String> row = rows.get(i);
            String sessionId = point.get("sessionId").asText();
            String where = exercise + " in " + sessionId;
            assertEquals(sessionId, row.get("session-id"), where);
            assertEquals(Instant.parse(point.get("completedAt").asText()).getEpochSecond(),
                    Long.parseLong(row.get("time")), where);
            assertNumber(point.get("bestE1rmKg"), row.get("bestE1rmKg.value"), "best e1RM, " + where);
            JsonNode top = point.get("topSet");
            assertNumber(top.isNull() ? null : top.get("loadKg"), row.get("topSet.load"), "top load, " + where);
            assertEquals(top.isNull() ? "" : top.get("reps").asText(), row.get("topSet.reps"), "top reps, " + where);
            assertNumber(point.get("workingSets"), row.get("workingSets.value"), "working sets, " + where);
            assertNumber(point.get("tonnageKg"), row.get("tonnageKg.value"), "tonnage, " + where);
            Set<String> holds = new LinkedHashSet<>();
            RECORDS.stream().filter(r -> records.hasNonNull(r) && records.get(r).get("sessionId").asText()
                    .equals(sessionId)).forEach(holds::add);
            Set<String> marked = new LinkedHashSet<>(Arrays.asList(row.get("record").split(" ")));
            marked.remove("");
            assertEquals(holds, marked, "records held, " + where);
        }
    }

    private void assertNextSession(JsonNode next) {
        assertEquals(programId, browser.find("#program-summary").getAttribute("data-program-id"));
        Map<String, String> shown = browser.attributes("#next-session");
        assertEquals(next.get("week").asText(), shown.get("week"));
        assertEquals(next.get("sessionIndex").asText(), shown.get("session-index"));
        assertEquals(next.get("deload").asText(), shown.get("deload"));
        List<Map<String, String>> rows = browser.rows("#next-session-table tbody tr");
        int i = 0;
        for (JsonNode block : next.get("blocks")) {
            for (JsonNode prescription : block.get("prescriptions")) {
                Map<String, String> row = rows.get(i++);
                String where = block.get("type").asText() + " " + prescription.get("exerciseId").asText();
                assertEquals(block.get("type").asText(), row.get("block"), where);
                assertEquals(prescription.get("exerciseId").asText(), row.get("exercise"), where);
                assertNumber(prescription.get("sets"), row.get("sets.value"), "sets of " + where);
                assertNumber(prescription.get("loadKg"), row.get("loadKg.value"), "load of " + where);
            }
        }
        assertEquals(i, rows.size(), "prescriptions of the next session");
    }

    /** Each chart has a canvas of nonzero size with something drawn on it, and every label drawn fits on it. */
    private void assertChartsDrawn() {
        Object charts = browser.script("""
                return Array.from(document.querySelectorAll(".chart")).map(chart => {
                  const name = chart.id || chart.closest("section[data-exercise]").getAttribute("data-exercise");
                  const canvas = chart.querySelector("canvas");
                  const box = canvas ? canvas.getBoundingClientRect() : null;
                  if (!canvas || box.width === 0 || box.height === 0) {
                    return name + ": no canvas";
                  }
                  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
                  return name + (pixels.some((value, i) => i % 4 === 3 && value !== 0) ? ": drawn" : ": blank");
                });""");
        List<String> expected = new ArrayList<>(List.of("chart-tonnage: drawn", "chart-hard-sets: drawn",
                "chart-pull-push: drawn"));
        browser.all("section.exercise").stream()
                .filter(section -> !section.findElements(By.cssSelector("table.e1rm-table")).isEmpty())
                .forEach(section -> expected.add(section.getAttribute("data-exercise") + ": drawn"));
        assertEquals(expected, charts);
        assertEquals(List.of(), browser.script("""
                return window.backboneTexts.filter(t => t.left < 0 || t.right > t.width)
                    .map(t => t.chart + ": '" + t.text + "' drawn from " + t.left + " to " + t.right + " of "
                        + t.width + " px");"""), "labels cut at a chart's edge");
    }

    private List<String> tables() {
        return browser.all("table.figures").stream().map(t -> t.getAttribute("outerHTML")).toList();
    }

    private List<String> pageMemberIds() {
        return browser.all("#members-table tbody tr").stream().map(r -> r.getAttribute("data-member-id")).toList();
    }

    private static List<String> memberIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("memberId").asText()));
        return ids;
    }

    /** A number as the page shows it ({@code data-value}, empty for none) against the service's. */
    private static void assertNumber(JsonNode expected, String shown, String where) {
        if (expected == null || expected.isNull()) {
            assertEquals("", shown, where);
            return;
        }
        assertTrue(shown != null && !shown.isEmpty(), () -> where + ": expected " + expected + ", shown nothing");
        assertEquals(0, expected.decimalValue().compareTo(new BigDecimal(shown)),
                () -> where + ": expected " + expected + ", shown " + shown);
    }

    /**
     * The page's loads come from program-service's progress read model, which follows logging-service through
     * {@code training.member-progress}: waits until the next session's loads are the recommendations' next loads.
     */
    private void awaitLoadsFromProgress(List<String> trained) {
        Map<String, JsonNode> nextLoads = new HashMap<>();
        for (String exercise : trained) {
            nextLoads.put(exercise, demo.progression(member, exercise).expect(200).json()
                    .get("recommendation").get("nextLoadKg"));
        }
        await().atMost(INGEST).until(() -> {
            JsonNode next = demo.nextSession(programId);
            boolean followed = !next.at("/progress/computedAt").isNull();
            for (JsonNode block : next.get("blocks")) {
                for (JsonNode p : block.get("prescriptions")) {
                    JsonNode expected = nextLoads.get(p.get("exerciseId").asText());
                    followed &= expected == null || p.get("loadKg").isNumber()
                            && p.get("loadKg").decimalValue().compareTo(expected.decimalValue()) == 0;
                }
            }
            return followed;
        });
    }

    /**
     * Two or three sessions a week from the start of the {@value #WEEKS}-week span to yesterday, with a week off
     * twice a year: the program's exercises (a warm-up before the first) with loads rising every few sessions and
     * a lighter week every eighth, and a pressing exercise on Thursdays except every fifth week.
     */
    private List<CompletedSession> twoYears(LocalDate today, List<String> exercises, String push) {
        LocalDate monday = today.minusWeeks(WEEKS - 1L).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<CompletedSession> history = new ArrayList<>();
        for (LocalDate day = monday; day.isBefore(today); day = day.plusDays(1)) {
            long week = ChronoUnit.WEEKS.between(monday, day);
            DayOfWeek weekday = day.getDayOfWeek();
            boolean training = weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.THURSDAY
                    || weekday == DayOfWeek.SATURDAY && week % 2 == 1;
            if (!training || week % 26 == 13) {
                continue;
            }
            int n = history.size();
            boolean light = week % 8 == 7;
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < exercises.size(); i++) {
                String load = load(20 + 10 * i, n / (6 + i), light);
                int reps = 12 - (n + i) % 5;
                List<SetDone> sets = new ArrayList<>();
                if (i == 0) {
                    sets.add(warmup(10, load(10 + 5 * i, n / (6 + i), false)));
                }
                sets.addAll(List.of(work(reps, load, n % 3), work(reps - 1, load, n % 3), toFailure(reps - 2, load)));
                entries.add(new Entry(exercises.get(i), null, sets));
            }
            if (weekday == DayOfWeek.THURSDAY && week % 5 != 0) {
                String load = load(30, n / 8, light);
                entries.add(entry(push, work(10, load, 2), work(9, load, 1), work(8, load, 1)));
            }
            history.add(session(member, String.format("s-%03d", n), day, entries.toArray(Entry[]::new)));
        }
        return history;
    }

    /** {@code base} plus 2.5 kg a step; in a light week 80% of it, to the nearest 2.5 kg. */
    private static String load(int base, int steps, boolean light) {
        BigDecimal step = new BigDecimal("2.5");
        BigDecimal kg = step.multiply(BigDecimal.valueOf(steps)).add(BigDecimal.valueOf(base));
        if (light) {
            kg = kg.multiply(new BigDecimal("0.8")).divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        }
        return kg.toPlainString();
    }

    /** The ones of these exercises catalog-service calls loadable, in order. */
    private List<String> loadedExercises(List<String> exerciseIds) {
        List<String> loaded = new ArrayList<>();
        for (String id : exerciseIds) {
            JsonNode exercise = stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises/" + id)
                    .token(demo.trainerToken()).send().expect(200).json();
            if (exercise.get("loadable").asBoolean() && "STRENGTH".equals(exercise.get("category").asText())
                    && LOADED_PATTERNS.contains(exercise.get("movementPattern").asText())) {
                loaded.add(id);
            }
        }
        return loaded;
    }

    private List<String> pattern(String movementPattern) {
        List<String> ids = new ArrayList<>();
        stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises?size=50&pattern=" + movementPattern)
                .token(demo.trainerToken()).send().expect(200).json().get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @SafeVarargs
    private void publish(Tenant tenant, List<CompletedSession>... sessionLists) throws Exception {
        try (SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            for (List<CompletedSession> list : sessionLists) {
                for (CompletedSession session : list) {
                    publisher.send(session.memberId(), publisher.event(session));
                }
            }
            publisher.awaitAcks();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static CompletedSession session(String memberId, String sessionId, LocalDate day, Entry... entries) {
        return new CompletedSession(memberId, sessionId, day.atTime(LocalTime.of(17, 30)).toInstant(ZoneOffset.UTC),
                List.of(entries));
    }

    private static Entry entry(String exerciseId, SetDone... sets) {
        return new Entry(exerciseId, null, List.of(sets));
    }
}
