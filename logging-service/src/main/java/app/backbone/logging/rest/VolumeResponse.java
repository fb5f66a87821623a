package app.backbone.logging.rest;

import java.util.List;

/** A member's weekly figures, one entry per ISO week from {@code from} to {@code to}. */
public record VolumeResponse(String memberId, String from, String to, List<WeekResponse> weeks) {
}
