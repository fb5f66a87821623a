package app.backbone.dashboard.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import app.backbone.dashboard.client.LoggingClient;
import app.backbone.dashboard.client.LoggingClient.ActiveMember;
import app.backbone.dashboard.client.LoggingClient.Page;
import app.backbone.dashboard.client.LoggingClient.PersonalRecord;
import app.backbone.dashboard.client.LoggingClient.PersonalRecords;
import app.backbone.dashboard.client.LoggingClient.Progression;
import app.backbone.dashboard.client.LoggingClient.ProgressionPoint;
import app.backbone.dashboard.client.LoggingClient.Volume;
import app.backbone.dashboard.client.LoggingClient.Week;
import app.backbone.dashboard.client.ProgramClient;
import app.backbone.dashboard.client.ProgramClient.ProgramSummary;
import app.backbone.dashboard.client.ServiceFailure;
import app.backbone.dashboard.domain.IsoWeeks;
import app.backbone.dashboard.domain.PullPushGuide;
import app.backbone.dashboard.service.MemberReport.CurrentProgram;
import app.backbone.dashboard.service.MemberReport.ExerciseTrend;
import app.backbone.dashboard.service.MemberReport.MuscleSets;
import app.backbone.dashboard.service.MemberReport.TrendPoint;
import app.backbone.dashboard.service.MemberReport.WeekRow;

/**
 * Gathers what the pages show from logging- and program-service, with the trainer's token. A member page's calls
 * go out at once, in two rounds: what the member has (sessions, volume, records, programs), then what those name
 * (each exercise's progression, the current program and its next session).
 */
@ApplicationScoped
public class MemberDashboard {

    static final String LOGGING = "logging-service";
    static final String PROGRAM = "program-service";

    /** Programs looked through for the newest active one. */
    private static final int PROGRAMS_LOOKED_AT = 50;

    private final LoggingClient logging;
    private final ProgramClient programs;

    public MemberDashboard(@RestClient LoggingClient logging, @RestClient ProgramClient programs) {
        this.logging = logging;
        this.programs = programs;
    }

    /** The chain's members with sessions, newest activity first. */
    public Uni<Page<ActiveMember>> members(String bearer, LocalDate activeSince, String search, int page, int size) {
        return from(LOGGING, logging.members(bearer, activeSince, search, page, size));
    }

    /**
     * The member's page over the {@code weeks} weeks ending with the week of {@code today}; a member with neither
     * sessions nor programs in the trainer's chain fails with {@link NotFoundException}.
     */
    public Uni<MemberReport> member(String bearer, String memberId, int weeks, LocalDate today) {
        LocalDate from = today.minusWeeks(weeks - 1L);
        return Uni.combine().all()
                .unis(from(LOGGING, logging.sessions(bearer, memberId, 0, 1)),
                        from(LOGGING, logging.volume(bearer, memberId, from, today)),
                        from(LOGGING, logging.records(bearer, memberId)),
                        from(PROGRAM, programs.programs(bearer, memberId, 0, PROGRAMS_LOOKED_AT)))
                .asTuple()
                .chain(first -> {
                    var sessions = first.getItem1();
                    var memberPrograms = first.getItem4();
                    if (sessions.total() == 0 && memberPrograms.total() == 0) {
                        throw new NotFoundException("No member " + memberId + " in this chain.");
                    }
                    ProgramSummary active = memberPrograms.items().stream()
                            .filter(p -> "ACTIVE".equals(p.status())).findFirst().orElse(null);
                    List<String> exerciseIds = first.getItem3().exercises().stream()
                            .map(LoggingClient.ExerciseRecords::exerciseId).toList();
                    return Uni.combine().all()
                            .unis(progressions(bearer, memberId, exerciseIds), currentProgram(bearer, active))
                            .asTuple()
                            .map(second -> report(memberId, weeks, from, today, sessions, first.getItem2(),
                                    second.getItem1(), second.getItem2()));
                });
    }

    private Uni<List<Progression>> progressions(String bearer, String memberId, List<String> exerciseIds) {
        if (exerciseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(exerciseIds.stream()
                        .map(id -> from(LOGGING, logging.progression(bearer, memberId, id))).toList())
                .andFailFast();
    }

    private Uni<CurrentProgram> currentProgram(String bearer, ProgramSummary active) {
        if (active == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.combine().all()
                .unis(from(PROGRAM, programs.program(bearer, active.id())),
                        from(PROGRAM, programs.nextSession(bearer, active.id())))
                .asTuple().map(t -> new CurrentProgram(t.getItem1(), t.getItem2()));
    }

    private static MemberReport report(String memberId, int weeks, LocalDate from, LocalDate to,
            Page<LoggingClient.SessionSummary> sessions, Volume volume, List<Progression> progressions,
            CurrentProgram program) {
        List<String> muscles = muscles(volume.weeks());
        List<WeekRow> rows = volume.weeks().stream().map(w -> weekRow(w, muscles)).toList();
        List<Week> recent = volume.weeks().subList(Math.max(0, volume.weeks().size() - PullPushGuide.WEEKS),
                volume.weeks().size());
        PullPushGuide pullPush = PullPushGuide.of(recent.size(), recent.stream().mapToInt(Week::pullHardSets).sum(),
                recent.stream().mapToInt(Week::pushHardSets).sum());
        Map<String, String> names = program == null ? Map.of() : exerciseNames(program);
        List<ExerciseTrend> exercises = progressions.stream()
                .map(p -> trend(p, from, names.getOrDefault(p.exerciseId(), p.exerciseId())))
                .sorted(Comparator.comparing((ExerciseTrend t) -> t.points().isEmpty() ? LocalDate.MIN
                                : t.points().get(t.points().size() - 1).date()).reversed()
                        .thenComparing(ExerciseTrend::exerciseId))
                .toList();
        var latest = sessions.items().isEmpty() ? null : sessions.items().get(0).completedAt();
        return new MemberReport(memberId, sessions.total(), latest, weeks, from, to, rows, muscles, pullPush,
                exercises, program);
    }

    /** Muscles with hard sets in any of the weeks, most hard sets first (then by name). */
    private static List<String> muscles(List<Week> weeks) {
        Map<String, BigDecimal> totals = new HashMap<>();
        weeks.forEach(w -> w.hardSetsByMuscle().forEach((m, s) -> totals.merge(m, s, BigDecimal::add)));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static WeekRow weekRow(Week week, List<String> muscles) {
        LocalDate monday = IsoWeeks.monday(week.week());
        List<MuscleSets> hardSets = muscles.stream()
                .map(m -> new MuscleSets(m, week.hardSetsByMuscle().getOrDefault(m, BigDecimal.ZERO))).toList();
        return new WeekRow(week.week(), monday, monday.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), week.sessions(),
                week.sets(), week.reps(), week.tonnageKg(), hardSets, week.pullHardSets(), week.pushHardSets(),
                week.pullPushRatio());
    }

    private static ExerciseTrend trend(Progression progression, LocalDate from, String name) {
        List<TrendPoint> points = new ArrayList<>();
        for (ProgressionPoint p : progression.series()) {
            if (p.date().isBefore(from)) {
                continue;
            }
            points.add(new TrendPoint(p.sessionId(), p.date(), p.completedAt().getEpochSecond(), p.workingSets(),
                    p.bestE1rmKg(), p.topSet() == null ? null : p.topSet().loadKg(),
                    p.topSet() == null ? null : p.topSet().reps(), p.tonnageKg(),
                    recordsHeld(p.sessionId(), progression.records())));
        }
        return new ExerciseTrend(progression.exerciseId(), name, points, progression.records(),
                progression.recommendation());
    }

    private static List<String> recordsHeld(String sessionId, PersonalRecords records) {
        if (records == null) {
            return List.of();
        }
        Map<String, PersonalRecord> byName = new LinkedHashMap<>();
        byName.put("bestE1rm", records.bestE1rm());
        byName.put("heaviestLoad", records.heaviestLoad());
        byName.put("bestSessionTonnage", records.bestSessionTonnage());
        return byName.entrySet().stream()
                .filter(e -> e.getValue() != null && sessionId.equals(e.getValue().sessionId()))
                .map(Map.Entry::getKey).toList();
    }

    private static Map<String, String> exerciseNames(CurrentProgram program) {
        Map<String, String> names = new HashMap<>();
        program.next().blocks().stream().flatMap(b -> b.prescriptions().stream())
                .filter(p -> p.name() != null)
                .forEach(p -> names.putIfAbsent(p.exerciseId(), p.name()));
        return names;
    }

    /** The call's answer, or a {@link ServiceFailure} naming the service when it fails. */
    private static <T> Uni<T> from(String service, Uni<T> call) {
        return call.onFailure().transform(e -> ServiceFailure.of(service, e));
    }
}
