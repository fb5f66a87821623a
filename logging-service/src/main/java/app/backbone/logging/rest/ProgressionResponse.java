package app.backbone.logging.rest;

import java.util.List;

/** One exercise's progression for a member: a point per session, the records and the recommendation. */
public record ProgressionResponse(String memberId, String exerciseId, List<ProgressionPointResponse> series,
        PersonalRecordsResponse records, RecommendationResponse recommendation) {
}
