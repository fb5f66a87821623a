package app.backbone.logging.rest;

import java.math.BigDecimal;

/** What to load next time on one exercise, and why. */
public record RecommendationResponse(String exerciseId, Action action, BigDecimal nextLoadKg, String reason) {

    /** The answers of the double-progression rule. */
    public enum Action {
        INCREASE, DELOAD, HOLD
    }
}
