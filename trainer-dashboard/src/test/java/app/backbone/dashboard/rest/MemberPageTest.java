package app.backbone.dashboard.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

import app.backbone.dashboard.Chain;
import app.backbone.dashboard.Pages;

/**
 * A member page shows, in its tables, exactly the figures logging- and program-service answered for the span it
 * names; the charts are drawn from those tables.
 */
@QuarkusTest
class MemberPageTest {

    @Test
    void weeklyVolumeAndHardSetsAreTheServicesFigures() {
        Document page = Pages.page("/members/" + Chain.ALICE + "?weeks=12", 200);
        Element span = page.selectFirst("#span");
        JsonNode weeks = Pages.logging("/members/" + Chain.ALICE + "/volume?from=" + span.attr("data-from") + "&to="
                + span.attr("data-to")).get("weeks");

        assertThat(LocalDate.parse(span.attr("data-to"))).isEqualTo(Chain.today());
        assertThat(weeks).hasSizeBetween(12, 13);
        List<Element> volume = page.select("#volume-table tbody tr");
        List<Element> hardSets = page.select("#hard-sets-table tbody tr");
        List<Element> pullPush = page.select("#pull-push-table tbody tr");
        assertThat(volume).hasSize(weeks.size());
        assertThat(hardSets).hasSize(weeks.size());
        assertThat(pullPush).hasSize(weeks.size());
        assertThat(page.select("#hard-sets-table thead th[data-muscle]")).extracting(th -> th.attr("data-muscle"))
                .containsExactlyInAnyOrder("LATS", "HAMSTRINGS", "BICEPS", "PECTORALS");
        for (int i = 0; i < weeks.size(); i++) {
            JsonNode week = weeks.get(i);
            String label = week.get("week").asText();
            assertThat(volume.get(i).attr("data-week")).isEqualTo(label);
            assertThat(number(volume.get(i), "[data-field=sessions]")).isEqualByComparingTo(week.get("sessions")
                    .decimalValue());
            assertThat(number(volume.get(i), "[data-field=sets]")).isEqualByComparingTo(week.get("sets")
                    .decimalValue());
            assertThat(number(volume.get(i), "[data-field=reps]")).isEqualByComparingTo(week.get("reps")
                    .decimalValue());
            assertThat(number(volume.get(i), "[data-field=tonnageKg]"))
                    .isEqualByComparingTo(week.get("tonnageKg").decimalValue());
            assertThat(hardSets.get(i).attr("data-week")).isEqualTo(label);
            for (Element cell : hardSets.get(i).select("td[data-muscle]")) {
                JsonNode sets = week.get("hardSetsByMuscle").get(cell.attr("data-muscle"));
                assertThat(new BigDecimal(cell.attr("data-value")))
                        .isEqualByComparingTo(sets == null ? BigDecimal.ZERO : sets.decimalValue());
            }
            week.get("hardSetsByMuscle").fieldNames().forEachRemaining(muscle ->
                    assertThat(hardSets.get(0).select("td[data-muscle=" + muscle + "]")).hasSize(1));
            assertThat(pullPush.get(i).attr("data-week")).isEqualTo(label);
            assertThat(number(pullPush.get(i), "[data-field=pullHardSets]"))
                    .isEqualByComparingTo(week.get("pullHardSets").decimalValue());
            assertThat(number(pullPush.get(i), "[data-field=pushHardSets]"))
                    .isEqualByComparingTo(week.get("pushHardSets").decimalValue());
            String ratio = pullPush.get(i).selectFirst("[data-field=pullPushRatio]").attr("data-value");
            if (week.get("pullPushRatio").isNull()) {
                assertThat(ratio).isEmpty();
            } else {
                assertThat(new BigDecimal(ratio)).isEqualByComparingTo(week.get("pullPushRatio").decimalValue());
            }
        }
        assertThat(page.select("#chart-tonnage, #chart-hard-sets, #chart-pull-push")).hasSize(3);
    }

    @Test
    void pullPushIsHeldToTheGuideOverTheLastFourWeeks() {
        Document page = Pages.page("/members/" + Chain.ALICE, 200);
        Element span = page.selectFirst("#span");
        JsonNode weeks = Pages.logging("/members/" + Chain.ALICE + "/volume?from=" + span.attr("data-from") + "&to="
                + span.attr("data-to")).get("weeks");

        int pull = 0;
        int push = 0;
        for (int i = weeks.size() - 4; i < weeks.size(); i++) {
            pull += weeks.get(i).get("pullHardSets").asInt();
            push += weeks.get(i).get("pushHardSets").asInt();
        }
        BigDecimal ratio = BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
        Element section = page.selectFirst("#pull-push");
        assertThat(section.attr("data-pull")).isEqualTo(String.valueOf(pull));
        assertThat(section.attr("data-push")).isEqualTo(String.valueOf(push));
        assertThat(new BigDecimal(section.attr("data-ratio"))).isEqualByComparingTo(ratio);
        assertThat(section.attr("data-verdict")).isEqualTo(ratio.compareTo(BigDecimal.valueOf(2)) >= 0 ? "MEETS"
                : "BELOW");
    }

    @Test
    void e1rmTrendsRecordsAndRecommendationsAreTheProgressionsAnswers() {
        Document page = Pages.page("/members/" + Chain.ALICE + "?weeks=12", 200);
        LocalDate from = LocalDate.parse(page.selectFirst("#span").attr("data-from"));

        assertThat(page.select("section.exercise")).extracting(s -> s.attr("data-exercise"))
                .containsExactlyInAnyOrderElementsOf(Chain.ALICE_EXERCISES);
        for (String exercise : Chain.ALICE_EXERCISES) {
            JsonNode api = Pages.logging("/members/" + Chain.ALICE + "/progression?exerciseId=" + exercise);
            Element section = page.selectFirst("section.exercise[data-exercise=" + exercise + "]");
            List<JsonNode> inSpan = new ArrayList<>();
            api.get("series").forEach(p -> {
                if (!LocalDate.parse(p.get("date").asText()).isBefore(from)) {
                    inSpan.add(p);
                }
            });
            assertThat(inSpan).hasSizeLessThan(api.get("series").size());
            List<Element> rows = section.select("table.e1rm-table tbody tr");
            assertThat(rows).extracting(r -> r.attr("data-session-id"))
                    .containsExactlyElementsOf(inSpan.stream().map(p -> p.get("sessionId").asText()).toList());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode point = inSpan.get(i);
                Element row = rows.get(i);
                assertThat(number(row, "[data-field=bestE1rmKg]")).isEqualByComparingTo(point.get("bestE1rmKg")
                        .decimalValue());
                assertThat(new BigDecimal(row.selectFirst("[data-field=topSet]").attr("data-load")))
                        .isEqualByComparingTo(point.get("topSet").get("loadKg").decimalValue());
                assertThat(row.selectFirst("[data-field=topSet]").attr("data-reps"))
                        .isEqualTo(point.get("topSet").get("reps").asText());
                assertThat(number(row, "[data-field=tonnageKg]")).isEqualByComparingTo(point.get("tonnageKg")
                        .decimalValue());
                assertThat(number(row, "[data-field=workingSets]")).isEqualByComparingTo(point.get("workingSets")
                        .decimalValue());
            }
            JsonNode records = api.get("records");
            for (String record : List.of("bestE1rm", "heaviestLoad", "bestSessionTonnage")) {
                Element shown = section.selectFirst("dd[data-record=" + record + "]");
                assertThat(new BigDecimal(shown.attr("data-value")))
                        .isEqualByComparingTo(records.get(record).get("kg").decimalValue());
                String holder = records.get(record).get("sessionId").asText();
                assertThat(shown.attr("data-session-id")).isEqualTo(holder);
                assertThat(rows).filteredOn(r -> r.attr("data-record").contains(record))
                        .extracting(r -> r.attr("data-session-id")).containsExactly(holder);
            }
            JsonNode recommendation = api.get("recommendation");
            Element advice = page.selectFirst("#recommendations-table tr[data-exercise=" + exercise + "]");
            assertThat(advice.selectFirst("[data-field=action]").attr("data-value"))
                    .isEqualTo(recommendation.get("action").asText());
            assertThat(number(advice, "[data-field=nextLoadKg]"))
                    .isEqualByComparingTo(recommendation.get("nextLoadKg").decimalValue());
            assertThat(advice.selectFirst("[data-field=reason]").text())
                    .isEqualTo(recommendation.get("reason").asText());
        }
    }

    @Test
    void aLongerSpanShowsOlderSessions() {
        Document page = Pages.page("/members/" + Chain.ALICE + "?weeks=52", 200);

        assertThat(page.select("#volume-table tbody tr")).hasSizeBetween(52, 53);
        JsonNode series = Pages.logging("/members/" + Chain.ALICE + "/progression?exerciseId=romanian-deadlift")
                .get("series");
        assertThat(page.select("section.exercise[data-exercise=romanian-deadlift] table.e1rm-table tbody tr"))
                .hasSize(series.size());
        assertThat(page.selectFirst("a.span.current").attr("data-weeks")).isEqualTo("52");
    }

    @Test
    void theCurrentProgramAndItsNextSessionWithLoads() {
        Document page = Pages.page("/members/" + Chain.ALICE, 200);
        JsonNode next = Pages.program("/programs/" + Chain.ALICE_PROGRAM + "/next-session");

        assertThat(page.selectFirst("#program-summary").attr("data-program-id")).isEqualTo(Chain.ALICE_PROGRAM);
        Element session = page.selectFirst("#next-session");
        assertThat(session.attr("data-week")).isEqualTo(next.get("week").asText());
        assertThat(session.attr("data-session-index")).isEqualTo(next.get("sessionIndex").asText());
        assertThat(session.attr("data-deload")).isEqualTo("false");
        List<JsonNode> prescriptions = new ArrayList<>();
        next.get("blocks").forEach(b -> b.get("prescriptions").forEach(prescriptions::add));
        List<Element> rows = page.select("#next-session-table tbody tr");
        assertThat(rows).extracting(r -> r.attr("data-exercise"))
                .containsExactlyElementsOf(prescriptions.stream().map(p -> p.get("exerciseId").asText()).toList());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode load = prescriptions.get(i).get("loadKg");
            String shown = rows.get(i).selectFirst("[data-field=loadKg]").attr("data-value");
            if (load.isNull()) {
                assertThat(shown).isEmpty();
            } else {
                assertThat(new BigDecimal(shown)).isEqualByComparingTo(load.decimalValue());
            }
            assertThat(rows.get(i).selectFirst("[data-field=loadReason]").text())
                    .isEqualTo(prescriptions.get(i).get("loadReason").asText());
        }
        assertThat(page.selectFirst("#next-session-notes").text()).contains("face-pull");
    }

    @Test
    void thePrintViewHoldsTheSameFiguresWithoutTheScreensControls() {
        Document screen = Pages.page("/members/" + Chain.ALICE + "?weeks=26", 200);
        Document print = Pages.page(screen.selectFirst("#print-link").attr("href"), 200);

        assertThat(screen.selectFirst("#print-link").attr("href"))
                .isEqualTo("/members/" + Chain.ALICE + "/print?weeks=26");
        assertThat(print.body().hasClass("print")).isTrue();
        assertThat(print.select("#print-button")).hasSize(1);
        assertThat(print.select("nav.actions, #print-link")).isEmpty();
        for (String table : List.of("#volume-table", "#hard-sets-table", "#pull-push-table",
                "#recommendations-table", "#next-session-table")) {
            assertThat(print.selectFirst(table).outerHtml()).isEqualTo(screen.selectFirst(table).outerHtml());
        }
        assertThat(print.select("table.e1rm-table")).hasSize(screen.select("table.e1rm-table").size());
    }

    @Test
    void aMemberWithAProgramButNoSessionsYet() {
        Document page = Pages.page("/members/" + Chain.NEWBIE, 200);

        assertThat(page.selectFirst("#sessions-total").attr("data-value")).isEqualTo("0");
        assertThat(page.select("#no-hard-sets, #no-recommendations")).hasSize(2);
        assertThat(page.selectFirst("#program-summary").attr("data-program-id")).isEqualTo(Chain.NEWBIE_PROGRAM);
        assertThat(page.select("#next-session-table [data-field=loadKg]")).allMatch(c -> c.attr("data-value")
                .isEmpty());
        assertThat(page.select("#progress-stale")).hasSize(1);
    }

    @Test
    void aMemberUnknownInTheChainIsThe404Page() {
        Document page = Pages.page("/members/m-somebody-elses", 404);

        assertThat(page.selectFirst("#problem").attr("data-status")).isEqualTo("404");
        assertThat(page.body().attr("data-status")).isEqualTo("404");
        assertThat(page.select("#volume-table")).isEmpty();
    }

    @Test
    void aServiceAnswering404IsThe404Page() {
        Document page = Pages.page("/members/" + Chain.ERASED, 404);

        assertThat(page.selectFirst("#problem").attr("data-status")).isEqualTo("404");
        assertThat(page.text()).doesNotContain("romanian-deadlift");
    }

    @Test
    void anIdThatCannotBeAMemberIsThe404Page() {
        assertThat(Pages.page("/members/not%20a%20member", 404).selectFirst("#problem")).isNotNull();
        assertThat(Pages.page("/no/such/page", 404).selectFirst("#problem")).isNotNull();
    }

    @Test
    void aServiceFailureIsSaidOnAnErrorPage() {
        Document page = Pages.page("/members/" + Chain.BROKEN, 502);

        assertThat(page.selectFirst("#problem-detail").text()).contains("logging-service answered 500");
    }

    @Test
    void anUnreasonableSpanIsRefused() {
        assertThat(Pages.page("/members/" + Chain.ALICE + "?weeks=0", 400).selectFirst("#problem")).isNotNull();
        assertThat(Pages.page("/members/" + Chain.ALICE + "?weeks=105", 400).selectFirst("#problem")).isNotNull();
    }

    @Test
    void everyCallCarriesTheTrainersTokenAndTheTokenStaysOffThePage() {
        Pages.forgetRequests();

        String html = Pages.page("/members/" + Chain.ALICE + "?weeks=12", 200).outerHtml();

        JsonNode logging = Pages.loggingRequests();
        JsonNode program = Pages.programRequests();
        List<String> uris = new ArrayList<>();
        for (JsonNode request : List.of(logging, program)) {
            request.forEach(r -> {
                uris.add(r.get("uri").asText());
                assertThat(r.get("authorization").asText()).isEqualTo("Bearer " + Pages.token());
            });
        }
        assertThat(uris).hasSize(9).anyMatch(u -> u.startsWith("/members/" + Chain.ALICE + "/volume?"))
                .contains("/members/" + Chain.ALICE + "/records",
                        "/programs/" + Chain.ALICE_PROGRAM, "/programs/" + Chain.ALICE_PROGRAM + "/next-session");
        assertThat(uris).filteredOn(u -> u.contains("/progression?exerciseId=")).hasSize(3);
        assertThat(html).doesNotContain(Pages.token()).doesNotContain(Pages.token().split("\\.")[2]);
    }

    @Test
    void theChartsComeFromTheDashboardItself() {
        Document page = Pages.page("/members/" + Chain.ALICE, 200);

        assertThat(page.body().hasAttr("data-ready")).isFalse();
        List<String> scripts = page.select("script[src]").eachAttr("src");
        assertThat(scripts).anyMatch(s -> s.endsWith("uPlot.iife.min.js")).contains("/static/dashboard.js")
                .allMatch(s -> s.startsWith("/"));
        for (String script : scripts) {
            given().when().get(script).then().statusCode(200).contentType(containsString("javascript"));
        }
        page.select("link[rel=stylesheet]").eachAttr("href").forEach(href ->
                given().when().get(href).then().statusCode(200).contentType("text/css"));
    }

    private static BigDecimal number(Element row, String selector) {
        return new BigDecimal(row.selectFirst(selector).attr("data-value"));
    }
}
