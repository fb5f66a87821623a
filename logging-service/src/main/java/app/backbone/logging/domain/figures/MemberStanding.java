package app.backbone.logging.domain.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import app.backbone.logging.domain.figures.Recommendation.Action;

/**
 * Where a member stands on every exercise they logged: per exercise its recent history
 * ({@link ExerciseHistory#recent()}), which gives the same recommendation and records as the whole history. It is
 * kept between sessions so that storing a session needs neither the member's history nor their other sessions.
 * Folding is order-independent and ignores a session already folded, as {@link ExerciseHistory#plus} does.
 */
public record MemberStanding(SortedMap<String, ExerciseHistory> exercises) {

    public MemberStanding {
        exercises = Collections.unmodifiableSortedMap(new TreeMap<>(exercises));
    }

    public static MemberStanding empty() {
        return new MemberStanding(new TreeMap<>());
    }

    /** The standing computed from scratch. */
    public static MemberStanding rebuild(Iterable<LoggedSession> sessions) {
        MemberStanding standing = empty();
        for (LoggedSession session : sessions) {
            standing = standing.plus(session);
        }
        return standing;
    }

    /** This standing with one more session. */
    public MemberStanding plus(LoggedSession session) {
        TreeMap<String, ExerciseHistory> next = new TreeMap<>(exercises);
        for (String id : exerciseIds(session)) {
            next.put(id, next.getOrDefault(id, ExerciseHistory.empty(id)).plus(session).recent());
        }
        return new MemberStanding(next);
    }

    /**
     * What folding one more session changed.
     *
     * @param standing the standing with the session
     * @param records the records the session set, compared with everything folded before it whatever its date
     * @param deloads the recommendations the session turned to {@code DELOAD}, for exercises where it was not
     *        {@code DELOAD} before
     */
    public record Step(MemberStanding standing, List<RecordBeaten> records, List<Recommendation> deloads) {
    }

    /**
     * This standing with one more session, and what the session changed; {@code facts} are those of the session's
     * exercises as far as known (an exercise without facts is judged as {@link ExerciseHistory#recommendation}
     * judges it).
     */
    public Step step(LoggedSession session, Map<String, ExerciseFacts> facts) {
        MemberStanding after = plus(session);
        List<RecordBeaten> records = new ArrayList<>();
        List<Recommendation> deloads = new ArrayList<>();
        for (String id : exerciseIds(session)) {
            ExerciseHistory before = exercises.getOrDefault(id, ExerciseHistory.empty(id));
            ExerciseHistory now = after.exercises().get(id);
            records.addAll(RecordBeaten.between(id, before.records(), now.records()));
            if (now.series().equals(before.series())) {
                continue; // an older session than the two the recommendation reads: it stays as it was
            }
            ExerciseFacts known = facts.get(id);
            Recommendation recommended = now.recommendation(known);
            if (recommended.action() == Action.DELOAD && before.recommendation(known).action() != Action.DELOAD) {
                deloads.add(recommended);
            }
        }
        return new Step(after, records, deloads);
    }

    private static Set<String> exerciseIds(LoggedSession session) {
        Set<String> ids = new LinkedHashSet<>();
        session.exercises().forEach(e -> ids.add(e.exerciseId()));
        return ids;
    }
}
