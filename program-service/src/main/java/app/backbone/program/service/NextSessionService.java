package app.backbone.program.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.ProblemException;
import app.backbone.program.domain.MemberProgressState;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.SessionPosition;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.domain.generator.Block;
import app.backbone.program.domain.generator.BlockType;
import app.backbone.program.domain.generator.CatalogEntry;
import app.backbone.program.domain.generator.ExerciseCatalog;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.PlannedSession;
import app.backbone.program.domain.generator.Prescription;
import app.backbone.program.domain.generator.PullPushBalance;
import app.backbone.program.messaging.MemberProgress;
import app.backbone.program.messaging.MemberProgress.ExerciseProgress;
import app.backbone.program.service.NextSession.Loaded;
import app.backbone.program.service.NextSession.LoadedBlock;

/**
 * Resolves a member's next session of a program with loads from the progress learned from logging-service: the
 * recommendation's next load, in a deload week the last load held; and one pulling accessory more when the last four
 * weeks fall short of the 2:1 pull:push guide. Answers from the local read model alone, so it keeps answering while
 * logging-service or the broker is away, and says how old what it knows is.
 */
@ApplicationScoped
public class NextSessionService {

    private final ProgramService programs;
    private final TenantCatalogs catalogs;
    private final ObjectReader reader;
    private final Clock clock;

    public NextSessionService(ProgramService programs, TenantCatalogs catalogs, ObjectMapper mapper, Clock clock) {
        this.programs = programs;
        this.catalogs = catalogs;
        this.reader = mapper.readerFor(MemberProgress.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
    }

    public NextSession next(String tenant, UUID programId) {
        Program program = programs.get(tenant, programId);
        GeneratedProgram plan = programs.plan(program);
        if (plan == null) {
            throw ProblemException.conflict("Program '" + programId + "' has no stored plan.");
        }
        SessionPosition at = CyclePositions.next(program, plan);
        PlannedSession session = plan.session(at.week(), at.sessionIndex()).orElseThrow();
        boolean deload = plan.cycle().get(at.week() - 1).deload();
        Optional<MemberProgressState> stored = MemberProgressState.of(tenant, program.memberId);
        Optional<MemberProgress> progress = stored.map(state -> read(state.state));
        Map<String, ExerciseProgress> byExercise = progress.map(p -> p.exercises().stream()
                .collect(Collectors.toMap(ExerciseProgress::exerciseId, Function.identity(), (a, b) -> b)))
                .orElse(Map.of());
        ExerciseCatalog catalog = catalogs.forTenant(tenant);

        List<String> notes = new ArrayList<>();
        List<LoadedBlock> blocks = new ArrayList<>();
        for (Block block : session.blocks()) {
            blocks.add(new LoadedBlock(block.type(), block.note(), block.prescriptions().stream()
                    .map(p -> load(p, catalog.find(p.exerciseId()), progress.isPresent(), byExercise, deload))
                    .toList()));
        }
        progress.ifPresent(p -> balance(p, program, session, catalog, deload, blocks, byExercise, notes));
        NextSession.LearnedProgress learned = learned(stored, program, notes);
        if (deload) {
            notes.add(0, "Deload week: the same exercises with half the working sets and two more reps in reserve;"
                    + " loads are held at the last ones used.");
        }
        return new NextSession(program.id, program.memberId, at.week(), deload, at.sessionIndex(), session.name(),
                blocks, learned, notes);
    }

    private Loaded load(Prescription p, Optional<CatalogEntry> entry, boolean progressKnown,
            Map<String, ExerciseProgress> byExercise, boolean deload) {
        if (p.timed() || entry.map(e -> !e.loadable()).orElse(false)) {
            return new Loaded(p, null, p.timed() ? "Timed work: no load." : "Bodyweight or band work: no load.");
        }
        if (!progressKnown) {
            return new Loaded(p, null, "No progress learned from logging-service for this member yet: choose a load"
                    + " that leaves the target reps in reserve.");
        }
        ExerciseProgress known = byExercise.get(p.exerciseId());
        if (known == null) {
            return new Loaded(p, null, "No loaded working sets of " + p.name() + " logged yet: choose a load that"
                    + " leaves the target reps in reserve.");
        }
        if (deload) {
            return new Loaded(p, known.lastLoadKg(), known.lastLoadKg() == null ? "Deload week: no last load known."
                    : "Deload week: hold the last working load, " + known.lastLoadKg().stripTrailingZeros()
                            .toPlainString() + " kg, with half the sets.");
        }
        return new Loaded(p, known.nextLoadKg(), known.reason());
    }

    private static void balance(MemberProgress progress, Program program, PlannedSession session,
            ExerciseCatalog catalog, boolean deload, List<LoadedBlock> blocks,
            Map<String, ExerciseProgress> byExercise, List<String> notes) {
        MemberProgress.PullPush sets = progress.pullPush();
        if (!PullPushBalance.shortOfPulling(sets.pullHardSets(), sets.pushHardSets())) {
            return;
        }
        String shortfall = "From " + sets.fromWeek() + " to " + sets.toWeek() + " the member logged "
                + sets.pullHardSets().stripTrailingZeros().toPlainString() + " hard sets of pulling to "
                + sets.pushHardSets().stripTrailingZeros().toPlainString()
                + " of pushing, below the article's guide of about 2:1.";
        if (deload) {
            notes.add(shortfall + " No pulling accessory is added in a deload week; it comes back after it.");
            return;
        }
        Optional<Prescription> accessory = PullPushBalance.accessory(ProgramService.spec(program),
                session.prescriptions(), catalog, "Added for balance. " + shortfall);
        if (accessory.isEmpty()) {
            notes.add(shortfall + " No pulling accessory the member may do is in the catalog.");
            return;
        }
        Prescription added = accessory.get();
        ExerciseProgress known = byExercise.get(added.exerciseId());
        Loaded loaded = new Loaded(added, known == null ? null : known.nextLoadKg(),
                known == null ? "No loaded working sets of " + added.name() + " logged yet: choose a load that"
                        + " leaves 2 reps in reserve at 15." : known.reason());
        int at = 0;
        while (at < blocks.size() && blocks.get(at).type().compareTo(BlockType.ACCESSORY) < 0) {
            at++;
        }
        if (at < blocks.size() && blocks.get(at).type() == BlockType.ACCESSORY) {
            LoadedBlock block = blocks.get(at);
            List<Loaded> prescriptions = new ArrayList<>(block.prescriptions());
            prescriptions.add(loaded);
            blocks.set(at, new LoadedBlock(block.type(), block.note(), prescriptions));
        } else {
            blocks.add(at, new LoadedBlock(BlockType.ACCESSORY, null, List.of(loaded)));
        }
        notes.add(shortfall + " " + added.name() + " is added to this session.");
    }

    /**
     * What the loads are based on, and whether it is behind: a session reported here after the progress was computed
     * is not in it yet (logging-service or the broker is slow or away).
     */
    private NextSession.LearnedProgress learned(Optional<MemberProgressState> stored, Program program,
            List<String> notes) {
        if (stored.isEmpty()) {
            notes.add("Nothing has been learned from logging-service about this member yet, so no loads are given.");
            return new NextSession.LearnedProgress(null, null, null, false);
        }
        Instant computedAt = stored.get().computedAt;
        Duration age = Duration.between(computedAt, clock.instant());
        boolean stale = SessionReport.latestOf(program.id).map(last -> last.createdAt.isAfter(computedAt))
                .orElse(false);
        if (stale) {
            notes.add("The loads come from progress computed " + describe(age) + " ago, before the session reported"
                    + " last; they will follow it once logging-service has taken it in.");
        }
        return new NextSession.LearnedProgress(stored.get().revision, computedAt, Math.max(0, age.toSeconds()),
                stale);
    }

    private static String describe(Duration age) {
        if (age.toHours() >= 48) {
            return age.toDays() + " days";
        }
        return age.toMinutes() >= 120 ? age.toHours() + " hours" : Math.max(0, age.toSeconds()) + " seconds";
    }

    private MemberProgress read(String json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable stored progress", e);
        }
    }
}
