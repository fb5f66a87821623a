package app.backbone.logging.rest;

import java.util.List;

import app.backbone.logging.domain.figures.Best;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.ExerciseRecords;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.Prescribed;
import app.backbone.logging.domain.figures.ProgressionPoint;
import app.backbone.logging.domain.figures.Recommendation;
import app.backbone.logging.domain.figures.TopSet;
import app.backbone.logging.domain.figures.WeeklyFigures;

/** Maps the figures of {@code domain.figures} to what the API answers. */
final class FigureMapper {

    private FigureMapper() {
    }

    static VolumeResponse volume(String memberId, IsoWeek first, IsoWeek last, List<WeeklyFigures> weeks) {
        return new VolumeResponse(memberId, first.toString(), last.toString(),
                weeks.stream().map(FigureMapper::week).toList());
    }

    static ProgressionResponse progression(String memberId, ExerciseHistory history, Recommendation recommendation) {
        return new ProgressionResponse(memberId, history.exerciseId(),
                history.series().stream().map(FigureMapper::point).toList(), records(history.records()),
                recommendation(recommendation));
    }

    static RecordsResponse records(String memberId, List<ExerciseHistory> histories) {
        return new RecordsResponse(memberId, histories.stream()
                .map(h -> new ExerciseRecordsEntry(h.exerciseId(), records(h.records()))).toList());
    }

    private static WeekResponse week(WeeklyFigures w) {
        return new WeekResponse(w.week(), w.sessions(), w.sets(), w.reps(), w.tonnageKg(), w.hardSetsByMuscle(),
                w.sessionsByMuscle(), w.pullHardSets(), w.pushHardSets(), w.pullPushRatio(),
                w.exercisesWithoutFacts());
    }

    private static ProgressionPointResponse point(ProgressionPoint p) {
        return new ProgressionPointResponse(p.sessionId(), p.completedAt(), p.date(), prescription(p.prescription()),
                p.workingSets(), p.fewestReps(), topSet(p.topSet()), p.bestE1rmKg(), p.tonnageKg());
    }

    private static PrescriptionResponse prescription(Prescribed p) {
        return p == null ? null : new PrescriptionResponse(p.sets(), p.repsMin(), p.repsMax());
    }

    private static TopSetResponse topSet(TopSet t) {
        return t == null ? null : new TopSetResponse(t.loadKg(), t.reps());
    }

    private static PersonalRecordsResponse records(ExerciseRecords r) {
        return new PersonalRecordsResponse(record(r.heaviestLoad()), record(r.bestE1rm()), r.mostRepsByLoadKg(),
                record(r.bestSessionTonnage()));
    }

    private static PersonalRecordResponse record(Best b) {
        return b == null ? null : new PersonalRecordResponse(b.kg(), b.sessionId(), b.completedAt());
    }

    private static RecommendationResponse recommendation(Recommendation r) {
        return new RecommendationResponse(r.exerciseId(), RecommendationResponse.Action.valueOf(r.action().name()),
                r.nextLoadKg(), r.reason());
    }
}
