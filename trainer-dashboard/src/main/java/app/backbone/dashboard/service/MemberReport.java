package app.backbone.dashboard.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.backbone.dashboard.client.LoggingClient.PersonalRecords;
import app.backbone.dashboard.client.LoggingClient.Recommendation;
import app.backbone.dashboard.client.ProgramClient.NextSession;
import app.backbone.dashboard.client.ProgramClient.Program;
import app.backbone.dashboard.domain.PullPushGuide;

/**
 * Everything a member page shows, gathered from logging- and program-service: the figures as the services
 * answered them, arranged for the tables the charts are drawn from.
 *
 * @param muscles the muscles with hard sets in the span, most trained first: the columns of {@link WeekRow#hardSets}
 * @param program the member's newest active program, or null
 */
public record MemberReport(String memberId, long sessions, Instant lastSessionAt, int weeks, LocalDate from,
        LocalDate to, List<WeekRow> volume, List<String> muscles, PullPushGuide pullPush,
        List<ExerciseTrend> exercises, CurrentProgram program) {

    /** One ISO week of volume; {@code hardSets} in the order of {@link MemberReport#muscles}. */
    public record WeekRow(String week, LocalDate start, long startEpochSecond, int sessions, int sets, int reps,
            BigDecimal tonnageKg, List<MuscleSets> hardSets, int pullHardSets, int pushHardSets,
            BigDecimal pullPushRatio) {
    }

    /** Hard sets of one muscle in one week (0 where the service listed none). */
    public record MuscleSets(String muscle, BigDecimal sets) {
    }

    /** One exercise's sessions in the span, its all-time records and its recommendation. */
    public record ExerciseTrend(String exerciseId, String name, List<TrendPoint> points, PersonalRecords records,
            Recommendation recommendation) {
    }

    /**
     * One session of an exercise.
     *
     * @param records the records this session holds: {@code bestE1rm}, {@code heaviestLoad}, {@code bestSessionTonnage}
     */
    public record TrendPoint(String sessionId, LocalDate date, long epochSecond, int workingSets,
            BigDecimal bestE1rmKg, BigDecimal topLoadKg, Integer topReps, BigDecimal tonnageKg, List<String> records) {

        public boolean isRecord() {
            return !records.isEmpty();
        }
    }

    /** The newest active program and the next session it prescribes, loads included. */
    public record CurrentProgram(Program program, NextSession next) {
    }
}
