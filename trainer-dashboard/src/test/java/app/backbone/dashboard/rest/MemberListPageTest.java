package app.backbone.dashboard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

import app.backbone.dashboard.Chain;
import app.backbone.dashboard.Pages;

/** The member list shows logging-service's {@code GET /members} as it answers it: order, search, paging. */
@QuarkusTest
class MemberListPageTest {

    @Test
    void listsTheChainsMembersNewestActivityFirst() {
        Document page = Pages.page("/", 200);
        JsonNode api = Pages.logging("/members?page=0&size=50");

        List<Element> rows = page.select("#members-table tbody tr");
        assertThat(rows).extracting(r -> r.attr("data-member-id")).containsExactlyElementsOf(ids(api));
        assertThat(rows.get(0).attr("data-member-id")).isEqualTo(Chain.ALICE);
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            JsonNode member = api.get("items").get(i);
            assertThat(cell(row, "sessions")).isEqualTo(member.get("sessions").asText());
            assertThat(cell(row, "firstSessionAt")).isEqualTo(member.get("firstSessionAt").asText());
            assertThat(cell(row, "lastSessionAt")).isEqualTo(member.get("lastSessionAt").asText());
            assertThat(cell(row, "lastSessionId")).isEqualTo(member.get("lastSessionId").asText());
            assertThat(row.selectFirst("a").attr("href")).isEqualTo("/members/" + member.get("memberId").asText());
        }
        assertThat(page.selectFirst("#page-info").attr("data-total")).isEqualTo(api.get("total").asText());
        assertThat(page.select("#next-page, #previous-page")).isEmpty();
        assertThat(page.body().attr("data-ready")).isEqualTo("true");
        assertThat(page.selectFirst("#signed-in").attr("data-tenant")).isEqualTo("gym-north");
    }

    @Test
    void searchesByMemberIdIgnoringCase() {
        Document page = Pages.page("/?q=CAROL", 200);

        assertThat(page.select("#members-table tbody tr")).extracting(r -> r.attr("data-member-id"))
                .containsExactly("M-Carol");
        assertThat(page.selectFirst("#q").val()).isEqualTo("CAROL");
        assertThat(Pages.page("/?q=nobody-like-this", 200).select("#no-members")).hasSize(1);
    }

    @Test
    void pagesThroughTheSearchKeepingIt() {
        JsonNode api = Pages.logging("/members?q=m-&page=1&size=4");
        assertThat(api.get("total").asInt()).isGreaterThan(8);

        Document page = Pages.page("/?q=m-&page=1&size=4", 200);

        assertThat(page.select("#members-table tbody tr")).extracting(r -> r.attr("data-member-id"))
                .containsExactlyElementsOf(ids(api));
        Element info = page.selectFirst("#page-info");
        assertThat(info.attr("data-page")).isEqualTo("1");
        assertThat(info.attr("data-size")).isEqualTo("4");
        assertThat(info.attr("data-total")).isEqualTo(api.get("total").asText());
        assertThat(page.selectFirst("#previous-page").attr("href")).isEqualTo("/?page=0&size=4&q=m-");
        assertThat(page.selectFirst("#next-page").attr("href")).isEqualTo("/?page=2&size=4&q=m-");

        Document last = Pages.page(page.selectFirst("#next-page").attr("href"), 200);
        assertThat(last.select("#members-table tbody tr")).extracting(r -> r.attr("data-member-id"))
                .containsExactlyElementsOf(ids(Pages.logging("/members?q=m-&page=2&size=4")));
        assertThat(last.select("#next-page")).isEmpty();
    }

    @Test
    void passesActiveSinceOn() {
        String since = Chain.today().minusDays(10).toString();
        Document page = Pages.page("/?activeSince=" + since, 200);

        assertThat(page.select("#members-table tbody tr")).extracting(r -> r.attr("data-member-id"))
                .containsExactlyElementsOf(ids(Pages.logging("/members?activeSince=" + since + "&page=0&size=50")))
                .hasSizeLessThan(ids(Pages.logging("/members?page=0&size=50")).size());
    }

    @Test
    void refusesASearchThatIsNoPartOfAMemberId() {
        Document page = Pages.page("/?q=a%20b", 400);

        assertThat(page.selectFirst("#problem").attr("data-status")).isEqualTo("400");
        assertThat(page.selectFirst("#problem-detail").text()).contains("member id");
    }

    @Test
    void callsLoggingServiceWithTheTrainersTokenAndNeverShowsIt() {
        Pages.forgetRequests();

        String html = Pages.page("/?q=ali&page=0&size=10", 200).outerHtml();

        JsonNode requests = Pages.loggingRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("uri").asText()).startsWith("/members?")
                .contains("q=ali", "page=0", "size=10");
        assertThat(requests.get(0).get("authorization").asText()).isEqualTo("Bearer " + Pages.token());
        assertThat(html).doesNotContain(Pages.token()).doesNotContain(Pages.token().split("\\.")[2]);
    }

    private static String cell(Element row, String field) {
        return row.selectFirst("[data-field=" + field + "]").attr("data-value");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("memberId").asText()));
        return ids;
    }
}
