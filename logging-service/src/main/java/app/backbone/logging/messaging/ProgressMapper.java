package app.backbone.logging.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.logging.domain.figures.Best;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.ProgressionPoint;
import app.backbone.logging.domain.figures.Recommendation;
import app.backbone.logging.domain.figures.RecordBeaten;
import app.backbone.logging.domain.figures.WeeklyFigures;

/** Maps a member's standing, and what a session changed in it, to the records logging-service publishes. */
public final class ProgressMapper {

    private ProgressMapper() {
    }

    /**
     * The member's progress without its exercises, which are stored rendered per exercise ({@link #exercise}) and
     * joined in by the caller; the pull and push hard sets of {@code from} to {@code to}.
     */
    public static MemberProgress progress(String tenantId, String memberId, long revision, Instant computedAt,
            IsoWeek from, IsoWeek to, WeeklyFigures.PullPush pullPush) {
        return new MemberProgress(MemberProgress.SCHEMA_VERSION, tenantId, memberId, revision, computedAt,
                new MemberProgress.PullPush(from.toString(), to.toString(), pullPush.pullHardSets(),
                        pullPush.pushHardSets()),
                List.of());
    }

    /**
     * Where the member stands on one exercise: its recommendation as {@code GET /members/{id}/progression} answers
     * it, the last load, best e1RM and last time; null for an exercise without a loaded working set.
     */
    public static MemberProgress.ExerciseProgress exercise(ExerciseHistory history, ExerciseFacts facts) {
        if (history.records().heaviestLoad() == null) {
            return null;
        }
        Recommendation recommendation = history.recommendation(facts);
        ProgressionPoint latest = history.latest().orElseThrow();
        Best e1rm = history.records().bestE1rm();
        return new MemberProgress.ExerciseProgress(history.exerciseId(), recommendation.action().name(),
                recommendation.nextLoadKg(), recommendation.reason(), latest.topLoadKg(),
                e1rm == null ? null : e1rm.kg(), latest.completedAt());
    }

    /** A {@code RECORD_ACHIEVED} insight. */
    public static Insight recordAchieved(String tenantId, String memberId, LoggedSession session, RecordBeaten record,
            Instant now) {
        return new Insight(UUID.randomUUID(), Insight.SCHEMA_VERSION, Insight.Type.RECORD_ACHIEVED, now, tenantId,
                memberId, record.exerciseId(), session.sessionId(), session.completedAt(),
                new Insight.RecordValue(record.kind().name(), record.previous(), record.value(), record.kind().unit(),
                        record.loadKg()),
                null);
    }

    /** A {@code DELOAD_RECOMMENDED} insight. */
    public static Insight deloadRecommended(String tenantId, String memberId, LoggedSession session,
            Recommendation deload, Instant now) {
        return new Insight(UUID.randomUUID(), Insight.SCHEMA_VERSION, Insight.Type.DELOAD_RECOMMENDED, now, tenantId,
                memberId, deload.exerciseId(), session.sessionId(), session.completedAt(), null,
                new Insight.Deload(deload.action().name(), deload.nextLoadKg(), deload.reason()));
    }
}
