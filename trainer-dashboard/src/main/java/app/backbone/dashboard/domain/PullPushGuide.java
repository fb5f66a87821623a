package app.backbone.dashboard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pull against push hard sets over the latest weeks, held to the back-health article's guide of about two pulling
 * sets for each pushing one (the ratio program-service's next session reacts to).
 *
 * @param weeks how many weeks the sums cover
 * @param ratio pull over push to 2 decimals; null without push work
 */
public record PullPushGuide(int weeks, int pullHardSets, int pushHardSets, BigDecimal ratio, Verdict verdict) {

    /** Pulling sets per pushing set the guide asks for. */
    public static final BigDecimal GUIDE = BigDecimal.valueOf(2);

    /** Weeks the verdict looks back over, as program-service does. */
    public static final int WEEKS = 4;

    /** How the ratio compares with the guide. */
    public enum Verdict {
        /** At least two pulling sets for each pushing one. */
        MEETS,
        /** Fewer than two pulling sets for each pushing one. */
        BELOW,
        /** No push work logged: no ratio to judge. */
        NO_PUSH
    }

    /** The guide's verdict on {@code pull} and {@code push} hard sets summed over {@code weeks} weeks. */
    public static PullPushGuide of(int weeks, int pull, int push) {
        if (push == 0) {
            return new PullPushGuide(weeks, pull, push, null, Verdict.NO_PUSH);
        }
        BigDecimal ratio = BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
        return new PullPushGuide(weeks, pull, push, ratio, ratio.compareTo(GUIDE) >= 0 ? Verdict.MEETS : Verdict.BELOW);
    }
}
