package app.backbone.catalog.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.Scope;

/**
 * The revision of each library ({@code library_revision}): raised in the transaction of every change to one of its
 * exercises, so that any replica can tell whether what it computed from a library is still current.
 */
@ApplicationScoped
public class LibraryRevisions {

    private static final String GLOBAL = "";
    private static final String RAISE = "INSERT INTO library_revision (tenant_id, revision) VALUES (:library, 1) "
            + "ON CONFLICT (tenant_id) DO UPDATE SET revision = library_revision.revision + 1";
    private static final String READ = "SELECT tenant_id, revision FROM library_revision "
            + "WHERE tenant_id IN (:global, :tenant)";

    /** The revisions of what a tenant sees: the global library's and its own (0 for one never changed). */
    public record Revision(long global, long tenant) {
    }

    private final EntityManager em;

    public LibraryRevisions(EntityManager em) {
        this.em = em;
    }

    /** Raises the revision of the exercise's library, in the caller's transaction. */
    void changed(Exercise exercise) {
        em.createNativeQuery(RAISE)
                .setParameter("library", exercise.scope == Scope.GLOBAL ? GLOBAL : exercise.tenantId)
                .executeUpdate();
    }

    /** The revisions of the libraries the tenant sees, as committed now. */
    public Revision of(String tenant) {
        long global = 0;
        long own = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(READ).setParameter("global", GLOBAL).setParameter("tenant", tenant)
                .getResultList();
        for (Object[] row : rows) {
            long revision = ((Number) row[1]).longValue();
            if (GLOBAL.equals(row[0])) {
                global = revision;
            } else {
                own = revision;
            }
        }
        return new Revision(global, own);
    }
}
