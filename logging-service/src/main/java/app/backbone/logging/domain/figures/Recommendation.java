package app.backbone.logging.domain.figures;

import java.math.BigDecimal;

/**
 * What to load next time on one exercise, by double progression against the prescribed rep range.
 *
 * @param nextLoadKg the load for the next session, 2 decimals; null when the exercise is done unloaded
 * @param reason a sentence a member or trainer can read
 */
public record Recommendation(String exerciseId, Action action, BigDecimal nextLoadKg, String reason) {

    /** The three answers of the rule. */
    public enum Action {
        INCREASE, DELOAD, HOLD
    }
}
