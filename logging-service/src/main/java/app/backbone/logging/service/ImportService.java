package app.backbone.logging.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import app.backbone.common.Problem;
import app.backbone.common.ProblemException;
import app.backbone.common.ProblemTypes;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.domain.ExerciseAlias;
import app.backbone.logging.domain.MemberImport;
import app.backbone.logging.domain.imports.ExerciseNames;
import app.backbone.logging.domain.imports.ImportOptions;
import app.backbone.logging.domain.imports.ImportSource;
import app.backbone.logging.domain.imports.ImportedExercise;
import app.backbone.logging.domain.imports.ImportedWorkout;
import app.backbone.logging.domain.imports.RowError;
import app.backbone.logging.domain.imports.UnreadableFile;
import app.backbone.logging.domain.imports.WeightUnit;
import app.backbone.logging.domain.imports.WorkoutReader;
import app.backbone.logging.messaging.SessionCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.scheduler.Scheduled;

/**
 * Imports a member's history from another app's export. The upload is written to a spool file (at most
 * {@code backbone.http.max-upload-size}), never held in memory, then read twice. The first reading, before the
 * answer, checks the whole file: a file of another format is refused (400); unless it is a dry run, so is a file
 * with unreadable values (422, each with its line and column) or with exercise names that map to no catalog
 * exercise (422, with their row counts and the closest catalog names), unless those are to be skipped. The
 * second reading runs in the background and stores the sessions, a batch per transaction, through
 * {@link SessionStore#storeImported} (the path live sessions take, announcing nothing), recording its progress on
 * the import as it goes, and this instance's queued and running imports are kept fresh by a heartbeat. Each
 * session's id is derived from the member, the source and the workout's start, so a file imported again stores
 * nothing new; a dry run stores nothing and counts what is stored already.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int CLOSEST_MATCHES = 3;
    private static final int SPOOL_BUFFER = 64 * 1024;

    private final SessionStore store;
    private final ObjectMapper mapper;
    private final LoggingConfig.Imports config;
    private final long maxUploadBytes;
    private final Clock clock;
    private final ExerciseNames builtIn = ExerciseNames.builtIn();
    private final ExecutorService runner;
    private final Set<UUID> owned = ConcurrentHashMap.newKeySet();

    public ImportService(SessionStore store, ObjectMapper mapper, LoggingConfig config,
            @ConfigProperty(name = "backbone.http.max-upload-size") MemorySize maxUploadSize, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.config = config.imports();
        this.maxUploadBytes = maxUploadSize.asLongValue();
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.runner = Executors.newFixedThreadPool(this.config.concurrency(), task -> {
            Thread thread = new Thread(task, "history-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What an import is asked to do. */
    public record Request(String tenantId, String memberId, ImportSource source, ZoneId timeZone,
            WeightUnit weightUnit, boolean dryRun, boolean skipUnmapped, String requestedBy) {

        ImportOptions options() {
            return new ImportOptions(source, timeZone, weightUnit);
        }
    }

    /** A name no catalog exercise answers to, how many set rows carry it and the closest catalog names. */
    public record Unmapped(String name, long rows, List<Match> closest) {
    }

    /** A catalog exercise a name resembles. */
    public record Match(String exerciseId, String name) {
    }

    /** What the first reading found. */
    private record Check(String variant, long rows, long skipped, int workouts, List<RowError> errors,
            int errorCount, Map<String, String> mapped, List<Unmapped> unmapped) {
    }

    /**
     * Checks the uploaded file and starts importing it.
     *
     * @return the import, {@code RUNNING}
     * @throws ProblemException 400 for a file that is not an export of the source, 413 for one over the upload limit,
     *         422 for unreadable values or unmapped names (but on a dry run)
     */
    public MemberImport start(Request request, InputStream body) {
        Path file = spool(body);
        boolean started = false;
        try {
            Check check = check(request, file);
            if (!request.dryRun()) {
                refuseUnusable(check, request);
            }
            MemberImport created = QuarkusTransaction.requiringNew().call(() -> create(request, check));
            owned.add(created.id);
            runner.submit(() -> run(created.id, created.createdAt, request, file, check.mapped()));
            started = true;
            return created;
        } finally {
            if (!started) {
                delete(file);
            }
        }
    }

    /** The import as it stands; a running import that stopped making progress is reported failed. */
    public Optional<MemberImport> find(String tenant, UUID id) {
        return MemberImport.of(tenant, id).map(this::current);
    }

    /** An import read back: one whose instance stopped (no progress for a while) is shown as failed. */
    public MemberImport current(MemberImport found) {
        if (found.status == MemberImport.Status.RUNNING
                && found.updatedAt.plus(config.staleAfter()).isBefore(clock.instant())) {
            found.status = MemberImport.Status.FAILED;
            found.failure = "The import stopped making progress (the instance running it stopped). Upload the file "
                    + "again: the sessions it stored are kept, and those are not stored twice.";
        }
        return found;
    }

    /** Reads the JSON columns of an import. */
    public List<Unmapped> unmapped(MemberImport found) {
        return read(found.unmappedExercises, Unmapped[].class);
    }

    /** Reads the JSON columns of an import. */
    public List<RowError> errors(MemberImport found) {
        return read(found.errors, RowError[].class);
    }

    /**
     * Keeps this instance's queued and running imports fresh, so that only those of an instance that stopped are
     * reported failed.
     */
    @Scheduled(every = "${backbone.logging.imports.heartbeat:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!owned.isEmpty()) {
            List<UUID> ids = List.copyOf(owned);
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> MemberImport.update("updatedAt = ?1 where id in ?2 "
                    + "and status = ?3", now, ids, MemberImport.Status.RUNNING));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private Path spool(InputStream body) {
        Path file;
        try {
            Path directory = config.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "history-import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a spool file for an import", e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[SPOOL_BUFFER];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxUploadBytes) {
                    drain(in, buffer);
                    throw new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                            "History files are limited to " + maxUploadBytes + " bytes; nothing was imported.");
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.invalid("The upload broke off before its end: " + e.getMessage());
        }
    }

    /** Reads what the client still sends, so that it reads the refusal rather than a reset connection. */
    private void drain(InputStream in, byte[] buffer) throws IOException {
        long drained = 0;
        for (int n = in.read(buffer); n >= 0 && drained < maxUploadBytes; n = in.read(buffer)) {
            drained += n;
        }
    }

    private Check check(Request request, Path file) {
        Map<String, Long> rowsByName = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        int[] counts = new int[2];
        try (InputStream in = Files.newInputStream(file); WorkoutReader reader = new WorkoutReader(in,
                request.options())) {
            long rows = reader.read(workout -> {
                counts[0]++;
                workout.exercises().forEach(e -> rowsByName.merge(e.name(), (long) e.sets().size(), Long::sum));
            }, error -> {
                counts[1]++;
                if (errors.size() < config.maxErrors()) {
                    errors.add(error);
                }
            });
            Names names = names(request);
            Map<String, String> mapped = new LinkedHashMap<>();
            List<Unmapped> unmapped = new ArrayList<>();
            rowsByName.forEach((name, count) -> names.resolve(name).ifPresentOrElse(id -> mapped.put(name, id),
                    () -> unmapped.add(new Unmapped(name, count, names.closest(name)))));
            unmapped.sort(Comparator.comparingLong(Unmapped::rows).reversed().thenComparing(Unmapped::name));
            return new Check(reader.variant(), rows, reader.skippedRows(), counts[0], errors, counts[1], mapped,
                    unmapped);
        } catch (UnreadableFile e) {
            throw ProblemException.invalid("The file is not a " + request.source() + " export: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a spooled import", e);
        }
    }

    private void refuseUnusable(Check check, Request request) {
        if (check.errorCount() > 0) {
            throw new ProblemException(422, ProblemTypes.VALIDATION, "Unreadable values",
                    check.errorCount() + " value(s) of the file cannot be read" + (check.errorCount() > check
                            .errors().size() ? " (the first " + check.errors().size() + " are listed)" : "")
                            + "; nothing was imported. Correct them, or check the file with dryRun=true.",
                    check.errors().stream().map(e -> new Problem.FieldError(e.field(),
                            e.message(), e.line())).toList());
        }
        if (!check.unmapped().isEmpty() && !request.skipUnmapped()) {
            throw new ProblemException(422, ProblemTypes.VALIDATION, "Unmapped exercises",
                    check.unmapped().size() + " exercise name(s) of the file match no catalog exercise; nothing was "
                            + "imported. Map them with PUT /exercise-aliases/{name}, or import with unmapped=SKIP to "
                            + "leave their sets out.")
                    .with("unmappedExercises", check.unmapped());
        }
    }

    private MemberImport create(Request request, Check check) {
        Instant now = clock.instant();
        MemberImport row = new MemberImport();
        row.id = UUID.randomUUID();
        row.tenantId = request.tenantId();
        row.memberId = request.memberId();
        row.source = request.source().name();
        row.variant = check.variant();
        row.dryRun = request.dryRun();
        row.status = MemberImport.Status.RUNNING;
        row.timeZone = request.timeZone().getId();
        row.weightUnit = request.weightUnit().name();
        row.rowsTotal = check.rows();
        row.rowsSkipped = check.skipped();
        row.sessionsFound = check.workouts();
        row.unmappedExercises = json(check.unmapped());
        row.errors = json(check.errors());
        row.errorCount = check.errorCount();
        row.requestedBy = request.requestedBy();
        row.createdAt = now;
        row.updatedAt = now;
        row.persist();
        return row;
    }

    /** The second reading: stores the sessions batch by batch, recording progress. */
    private void run(UUID id, Instant requestedAt, Request request, Path file, Map<String, String> mapped) {
        Progress progress = new Progress();
        try (InputStream in = Files.newInputStream(file); WorkoutReader reader = new WorkoutReader(in,
                request.options())) {
            List<SessionCompleted> batch = new ArrayList<>();
            long rows = reader.read(workout -> {
                Optional<SessionCompleted> session = session(request, requestedAt, workout, mapped);
                if (session.isEmpty()) {
                    progress.withoutExercises++;
                } else {
                    batch.add(session.get());
                }
                progress.rowsRead = workout.lastLine() - 1;
                if (batch.size() >= config.batchSessions()) {
                    save(id, request, batch, progress);
                }
            }, error -> { });
            progress.rowsRead = rows;
            save(id, request, batch, progress);
            finish(id, progress, null);
            LOG.infof("Imported %s history of %s/%s: %d session(s) stored, %d already present", request.source(),
                    request.tenantId(), request.memberId(), progress.stored, progress.alreadyPresent);
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "Import %s failed", id);
            finish(id, progress, "The import failed after storing " + progress.stored + " session(s): "
                    + e.getMessage() + ". Import the file again: what was stored is kept and not stored twice.");
        } finally {
            owned.remove(id);
            delete(file);
        }
    }

    private static final class Progress {
        long rowsRead;
        int stored;
        int alreadyPresent;
        int withoutExercises;
    }

    private void save(UUID id, Request request, List<SessionCompleted> batch, Progress progress) {
        if (!batch.isEmpty()) {
            if (request.dryRun()) {
                int present = store.stored(request.tenantId(), batch.stream().map(SessionCompleted::sessionId)
                        .toList()).size();
                progress.alreadyPresent += present;
            } else {
                int stored = store.storeImported(batch);
                progress.stored += stored;
                progress.alreadyPresent += batch.size() - stored;
            }
            batch.clear();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport row = MemberImport.findById(id);
            record(row, progress);
        });
    }

    private void finish(UUID id, Progress progress, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport row = MemberImport.findById(id);
            if (row == null) {
                return;
            }
            record(row, progress);
            row.status = failure == null ? MemberImport.Status.DONE : MemberImport.Status.FAILED;
            row.failure = failure;
            row.finishedAt = row.updatedAt;
        });
    }

    private void record(MemberImport row, Progress progress) {
        if (row == null) {
            return;
        }
        row.rowsRead = progress.rowsRead;
        row.sessionsStored = progress.stored;
        row.sessionsAlreadyPresent = progress.alreadyPresent;
        row.sessionsWithoutExercises = progress.withoutExercises;
        row.updatedAt = clock.instant();
    }

    /**
     * The workout as a completed session of the member, of its mapped exercises only; empty if none is. It occurred
     * when the import was asked for, so that an erasure of the member asked for while it runs drops the rest.
     */
    private Optional<SessionCompleted> session(Request request, Instant requestedAt, ImportedWorkout workout,
            Map<String, String> mapped) {
        List<SessionCompleted.ExerciseDone> exercises = new ArrayList<>();
        for (ImportedExercise exercise : workout.exercises()) {
            String exerciseId = mapped.get(exercise.name());
            if (exerciseId != null) {
                exercises.add(new SessionCompleted.ExerciseDone(exerciseId, exercise.prescription() == null ? null
                        : new SessionCompleted.Prescribed(exercise.prescription().sets(),
                                exercise.prescription().repsMin(), exercise.prescription().repsMax()),
                        exercise.sets().stream().map(s -> new SessionCompleted.SetDone(s.reps(), s.loadKg(), s.rir(),
                                s.toFailure(), s.seconds(), s.warmup())).toList()));
            }
        }
        if (exercises.isEmpty()) {
            return Optional.empty();
        }
        String sessionId = sessionId(request, workout);
        UUID eventId = UUID.nameUUIDFromBytes(("backbone-import\u0000" + request.tenantId() + "\u0000" + sessionId)
                .getBytes(StandardCharsets.UTF_8));
        return Optional.of(new SessionCompleted(eventId, 1, requestedAt, request.tenantId(), request.memberId(),
                sessionId, null, workout.completedAt(), exercises));
    }

    /**
     * {@code import-<source>-<32 hex digits>}: a hash of the member, the source and the workout's start (and, for
     * Backbone's own export, the session id it was exported with).
     */
    static String sessionId(Request request, ImportedWorkout workout) {
        String identity = String.join("\u0000", request.memberId(), request.source().name(),
                workout.startedAt().toString(), request.source() == ImportSource.BACKBONE ? workout.title() : "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "import-" + request.source().name().toLowerCase() + "-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The names an import maps, for one tenant. */
    private Names names(Request request) {
        Map<String, String> aliases = QuarkusTransaction.requiringNew().call(() -> ExerciseAlias.byKey(
                request.tenantId()));
        List<CatalogExercise> usable = QuarkusTransaction.requiringNew().call(() -> CatalogExercise.usableBy(
                request.tenantId()));
        Map<String, String> catalogByKey = new LinkedHashMap<>();
        Map<String, String> nameById = new LinkedHashMap<>();
        for (CatalogExercise exercise : usable) {
            catalogByKey.putIfAbsent(ExerciseNames.key(exercise.name), exercise.id);
            nameById.put(exercise.id, exercise.name);
        }
        return new Names(request.source(), aliases, catalogByKey, nameById);
    }

    private final class Names {
        private final ImportSource source;
        private final Map<String, String> aliases;
        private final Map<String, String> catalogByKey;
        private final Map<String, String> nameById;

        Names(ImportSource source, Map<String, String> aliases, Map<String, String> catalogByKey,
                Map<String, String> nameById) {
            this.source = source;
            this.aliases = aliases;
            this.catalogByKey = catalogByKey;
            this.nameById = nameById;
        }

        Optional<String> resolve(String name) {
            if (source == ImportSource.BACKBONE && nameById.containsKey(name)) {
                return Optional.of(name);
            }
            return builtIn.resolve(name, aliases, catalogByKey).filter(nameById::containsKey);
        }

        List<Match> closest(String name) {
            return builtIn.closest(name, catalogByKey, CLOSEST_MATCHES).stream()
                    .map(id -> new Match(id, nameById.get(id))).toList();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write an import's findings", e);
        }
    }

    private <T> List<T> read(String json, Class<T[]> type) {
        try {
            return List.of(mapper.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read an import's findings", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the spool file %s: %s", file, e.getMessage());
        }
    }
}
