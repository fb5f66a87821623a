package app.backbone.program.domain.generator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The back-health article's guide of about twice as much pulling as pushing, applied to what a member logged: when
 * the hard sets of the last four weeks fall below 2:1 with some push work logged, the next session gets one
 * scapular-retraction or horizontal-pull accessory of 2-3 sets of 12-15.
 */
public final class PullPushBalance {

    /** Pull hard sets per push hard set the article recommends. */
    public static final BigDecimal GUIDE = BigDecimal.valueOf(2);

    private PullPushBalance() {
    }

    /** Whether push work was logged and pulling fell below twice of it. */
    public static boolean shortOfPulling(BigDecimal pullHardSets, BigDecimal pushHardSets) {
        return pushHardSets.signum() > 0 && pullHardSets.compareTo(GUIDE.multiply(pushHardSets)) < 0;
    }

    /**
     * The accessory for the session: a scapular-retraction drill, else a horizontal pull, the member may do, counted
     * in reps and not in the session already; empty when the catalog has none.
     */
    public static Optional<Prescription> accessory(ProgramSpec member, List<Prescription> session,
            ExerciseCatalog catalog, String rationale) {
        Set<String> inSession = Set.copyOf(session.stream().map(Prescription::exerciseId).toList());
        return Stream.concat(catalog.byPattern(MovementPattern.SCAPULAR_RETRACTION).stream(),
                catalog.byPattern(MovementPattern.HORIZONTAL_PULL).stream())
                .filter(entry -> !entry.measure().timed() && member.allows(entry)
                        && !inSession.contains(entry.id()))
                .findFirst()
                .map(entry -> new Prescription(entry.id(), entry.name(), 2, 12, 15, null, entry.measure().perSide(),
                        60, false, 2, rationale, 3, null, null, List.of()));
    }
}
