package app.backbone.catalog.service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.ExerciseDefinition;
import app.backbone.catalog.domain.Scope;
import app.backbone.catalog.messaging.CatalogTopics;
import app.backbone.catalog.messaging.ExerciseChanged;
import app.backbone.common.ProblemException;
import app.backbone.common.outbox.Outbox;

/**
 * Every change to the catalog, each committed together with the outbox message that publishes the exercise's new
 * state on {@value CatalogTopics#EXERCISES} and a raised {@link LibraryRevisions revision} of its library.
 */
@ApplicationScoped
public class ExerciseService {

    /** PostgreSQL's SQLState for a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Outbox outbox;
    private final LibraryRevisions revisions;
    private final Clock clock;

    public ExerciseService(Outbox outbox, LibraryRevisions revisions, Clock clock) {
        this.outbox = outbox;
        this.revisions = revisions;
        this.clock = clock;
    }

    /**
     * What a library synchronisation changed; {@code storedRelease} is the release of the library stored afterwards,
     * higher than the one offered when a newer release's library was left alone.
     */
    public record LibrarySync(int storedRelease, int added, int changed, int retired, int unchanged) {
    }

    /**
     * Creates one of the tenant's own exercises; its id is the tenant id, a dot, and a slug of the name. A name
     * taken already, also by a create committed concurrently, is a conflict.
     */
    @Transactional
    public Exercise create(String tenant, ExerciseDefinition content) {
        String id = tenant + "." + slug(content.name());
        if (Exercise.findById(id) != null) {
            throw duplicate(id);
        }
        Instant now = clock.instant();
        Exercise exercise = Exercise.create(id, Scope.TENANT, tenant, content, now);
        try {
            exercise.persistAndFlush();
        } catch (ConstraintViolationException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            throw duplicate(id);
        }
        publish(exercise, now);
        return exercise;
    }

    /** The exercise if the tenant may see it, retired or not. */
    public Exercise visible(String tenant, String id) {
        return Exercise.findVisible(id, tenant)
                .orElseThrow(() -> ProblemException.notFound("No exercise '" + id + "'."));
    }

    /** Replaces the content of one of the tenant's own exercises, if it is still at {@code expectedVersion}. */
    @Transactional
    public Exercise update(String tenant, String id, long expectedVersion, ExerciseDefinition content) {
        Exercise exercise = ownedForChange(tenant, id);
        if (exercise.version != expectedVersion) {
            throw ProblemException.preconditionFailed("Exercise '" + id + "' is at version " + exercise.version
                    + ", not " + expectedVersion + "; read it again and reapply your change.");
        }
        if (exercise.retired) {
            throw ProblemException.conflict("Exercise '" + id + "' is retired and can no longer change.");
        }
        Instant now = clock.instant();
        exercise.apply(content, now);
        flushChange(exercise);
        publish(exercise, now);
        return exercise;
    }

    /** Retires one of the tenant's own exercises; retiring a retired one changes nothing. */
    @Transactional
    public Exercise retire(String tenant, String id, Long expectedVersion) {
        Exercise exercise = ownedForChange(tenant, id);
        if (expectedVersion != null && exercise.version != expectedVersion) {
            throw ProblemException.preconditionFailed(
                    "Exercise '" + id + "' is at version " + exercise.version + ", not " + expectedVersion + ".");
        }
        if (!exercise.retired) {
            Instant now = clock.instant();
            exercise.retired = true;
            exercise.updatedAt = now;
            flushChange(exercise);
            publish(exercise, now);
        }
        return exercise;
    }

    /**
     * Makes the stored global exercises equal to the library of {@code release}: adds new ones, updates changed ones,
     * retires ones the release no longer has, and publishes each of those; tenant exercises are not touched. Replicas
     * starting together take turns (a transaction-scoped advisory lock), so the later finds the work done. A library
     * stored by a newer release is left as it is.
     */
    @Transactional
    public LibrarySync syncGlobalLibrary(int release, List<ExerciseDefinition> library) {
        EntityManager em = Exercise.getEntityManager();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('backbone.global-library'))").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> releases = em.createNativeQuery("SELECT release FROM library_release").getResultList();
        if (!releases.isEmpty() && releases.get(0).intValue() > release) {
            return new LibrarySync(releases.get(0).intValue(), 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        Map<String, Exercise> globals = new HashMap<>();
        Exercise.globals().forEach(exercise -> globals.put(exercise.id, exercise));
        Set<String> released = new HashSet<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (ExerciseDefinition definition : library) {
            released.add(definition.id());
            Exercise stored = globals.containsKey(definition.id()) ? globals.get(definition.id())
                    : Exercise.findById(definition.id());
            if (stored == null) {
                Exercise exercise = Exercise.create(definition.id(), Scope.GLOBAL, null, definition, now);
                exercise.persistAndFlush();
                publish(exercise, now);
                added++;
            } else if (stored.scope != Scope.GLOBAL) {
                throw new IllegalStateException("Library id '" + definition.id() + "' is taken by a tenant");
            } else if (stored.retired || !stored.content().equals(definition)) {
                stored.apply(definition, now);
                stored.retired = false;
                stored.flush();
                publish(stored, now);
                changed++;
            } else {
                unchanged++;
            }
        }
        int retired = 0;
        for (Exercise stored : globals.values()) {
            if (!stored.retired && !released.contains(stored.id)) {
                stored.retired = true;
                stored.updatedAt = now;
                stored.flush();
                publish(stored, now);
                retired++;
            }
        }
        em.createNativeQuery("INSERT INTO library_release (id, release, synced_at) VALUES (1, :release, :now) "
                        + "ON CONFLICT (id) DO UPDATE SET release = EXCLUDED.release, synced_at = EXCLUDED.synced_at")
                .setParameter("release", release)
                .setParameter("now", now)
                .executeUpdate();
        return new LibrarySync(release, added, changed, retired, unchanged);
    }

    /** Writes a change; one that lost the race with a concurrent change of the same version is refused (412). */
    private static void flushChange(Exercise exercise) {
        try {
            exercise.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.preconditionFailed("Exercise '" + exercise.id + "' was changed by another request "
                    + "meanwhile; read it again and reapply your change.");
        }
    }

    private Exercise ownedForChange(String tenant, String id) {
        Exercise exercise = visible(tenant, id);
        if (exercise.scope == Scope.GLOBAL) {
            throw ProblemException.forbidden(
                    "'" + id + "' belongs to the global library, which is read-only; create your own exercise.");
        }
        return exercise;
    }

    private static ProblemException duplicate(String id) {
        return ProblemException.conflict(
                "Your chain already has an exercise with id '" + id + "'; choose another name.");
    }

    private void publish(Exercise exercise, Instant now) {
        revisions.changed(exercise);
        outbox.add(CatalogTopics.EXERCISES, exercise.id, ExerciseChanged.of(exercise, now), now);
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            throw ProblemException.invalid("The name needs at least one letter or digit.", "name",
                    "needs a letter or digit");
        }
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
}
