package app.backbone.dashboard.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import app.backbone.dashboard.client.LoggingClient.ActiveMember;
import app.backbone.dashboard.client.LoggingClient.Page;

/**
 * One page of the member list with the search that made it.
 *
 * @param q the part of a member id searched for, or null
 * @param activeSince the day the members' latest session is on or after, or null
 */
public record MemberList(Page<ActiveMember> page, String q, LocalDate activeSince) {

    /** How many pages the search has (at least one). */
    public long pages() {
        int size = Math.max(1, page.size());
        return Math.max(1, (page.total() + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page.page() > 0;
    }

    public boolean hasNext() {
        return page.page() + 1 < pages();
    }

    /** This list's address at another page, search and size kept. */
    public String pageUrl(int number) {
        StringBuilder url = new StringBuilder("/?page=").append(number).append("&size=").append(page.size());
        if (q != null) {
            url.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (activeSince != null) {
            url.append("&activeSince=").append(activeSince);
        }
        return url.toString();
    }
}
