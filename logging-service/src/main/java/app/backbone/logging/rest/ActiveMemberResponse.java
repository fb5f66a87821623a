package app.backbone.logging.rest;

import java.time.Instant;

/** A member of the tenant with stored sessions: how many, and the first and latest by completion. */
public record ActiveMemberResponse(String memberId, int sessions, Instant firstSessionAt, Instant lastSessionAt,
        String lastSessionId) {
}
