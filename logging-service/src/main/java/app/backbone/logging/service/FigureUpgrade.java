package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import app.backbone.logging.domain.figures.WeekAggregate;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings the stored weekly figures up to this release's rules ({@link WeekAggregate#FIGURES_VERSION}) without
 * anyone asking: as the service starts, and every 5 s after until they are current, it compares the version recorded
 * in {@code figures_version} with the code's. When the stored one is older, the instance that gets the lock (a
 * PostgreSQL advisory lock held by its connection, so a crash releases it) recomputes every tenant with
 * {@link FigureRebuild}, one after the other, member by member, each member in a transaction of its own that holds
 * only that member's ingest, and then records the code's version; the other instances find the lock taken and look
 * again later. Until the stored figures are current the instance reports itself not ready. A recompute cut short
 * leaves the old version recorded, and the next attempt starts over.
 */
@Readiness
@ApplicationScoped
public class FigureUpgrade implements HealthCheck {

    /** Advisory lock space of the upgrade (key 0), beside FigureStore's tenant (1) and member (2) lock spaces. */
    static final int LOCK_SPACE = 3;

    private static final int VERSION = WeekAggregate.FIGURES_VERSION;
    private static final String READ_VERSION = "SELECT version FROM figures_version";
    private static final String RECORD_VERSION = "UPDATE figures_version SET version = ?, updated_at = now()";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, 0)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?, 0)";
    private static final Logger LOG = Logger.getLogger(FigureUpgrade.class);
    private static final FigureRebuild.InTransaction NOTHING_MORE = (connection, step) -> { };

    /** What a look at the stored figures found or did. */
    public enum Outcome {
        /** They follow this release's rules (or newer ones) already. */
        CURRENT,
        /** This instance recomputed them. */
        RECOMPUTED,
        /** They are older, and another instance holds the lock to recompute them. */
        BUSY
    }

    private final DataSource dataSource;
    private final FigureRebuild rebuild;
    private volatile boolean current;
    private volatile String status = "not checked yet";

    private final ManagedExecutor executor;

    public FigureUpgrade(DataSource dataSource, FigureRebuild rebuild, ManagedExecutor executor) {
        this.dataSource = dataSource;
        this.rebuild = rebuild;
        this.executor = executor;
    }

    /** A first look as the service starts, not at the scheduler's first round: a restart is ready that much sooner. */
    void onStart(@Observes StartupEvent event) {
        executor.execute(this::untilCurrent);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void untilCurrent() {
        if (current) {
            return;
        }
        try {
            upgrade();
        } catch (RuntimeException e) {
            status = "recompute under rules v" + VERSION + " failed, trying again: " + e.getMessage();
            LOG.warnf(e, "Recomputing figures under rules v%d failed; trying again in 5 s", VERSION);
        }
    }

    /**
     * Recomputes the stored figures when they are older than this release's rules and no other instance is at it.
     *
     * @throws IllegalStateException when the database fails; the version recorded is then left as it was
     */
    public synchronized Outcome upgrade() {
        try (Connection connection = dataSource.getConnection()) {
            int stored = storedVersion(connection);
            if (stored >= VERSION) {
                markCurrent(stored);
                return Outcome.CURRENT;
            }
            current = false;
            if (!lock(connection, TRY_LOCK)) {
                status = "stored figures follow rules v" + stored + "; another instance is recomputing them under v"
                        + VERSION;
                return Outcome.BUSY;
            }
            try {
                stored = storedVersion(connection);
                if (stored >= VERSION) {
                    markCurrent(stored);
                    return Outcome.CURRENT;
                }
                recompute(stored);
                try (PreparedStatement record = connection.prepareStatement(RECORD_VERSION)) {
                    record.setInt(1, VERSION);
                    record.executeUpdate();
                }
                markCurrent(VERSION);
                return Outcome.RECOMPUTED;
            } finally {
                lock(connection, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the figures up to rules v" + VERSION, e);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Figures computed under the current rules").status(current)
                .withData("status", status).build();
    }

    private void recompute(int stored) {
        List<String> tenants = rebuild.tenants();
        LOG.infof("Stored figures follow rules v%d, this release v%d: recomputing them for %d tenant(s)", stored,
                VERSION, tenants.size());
        long started = System.nanoTime();
        long sessions = 0;
        for (int i = 0; i < tenants.size(); i++) {
            String tenant = tenants.get(i);
            String position = "recomputing under rules v" + VERSION + ": tenant " + (i + 1) + "/" + tenants.size()
                    + " (" + tenant + ")";
            status = position;
            int members = 0;
            long ofTenant = 0;
            for (Optional<FigureRebuild.Step> step = rebuild.next(tenant, "", NOTHING_MORE); step.isPresent();
                    step = rebuild.next(tenant, step.get().memberId(), NOTHING_MORE)) {
                members++;
                ofTenant += step.get().sessions();
                status = position + ", " + members + " member(s) done";
            }
            sessions += ofTenant;
            LOG.infof("Recomputing figures under rules v%d: tenant %d/%d (%s), %,d member(s), %,d session(s)",
                    VERSION, i + 1, tenants.size(), tenant, members, ofTenant);
        }
        LOG.infof("Figures recomputed under rules v%d: %d tenant(s), %,d session(s) in %d ms", VERSION,
                tenants.size(), sessions, (System.nanoTime() - started) / 1_000_000);
    }

    private void markCurrent(int stored) {
        if (stored > VERSION && !current) {
            LOG.warnf("Stored figures follow rules v%d, newer than this release's v%d; they are served as they are",
                    stored, VERSION);
        }
        status = "stored figures follow rules v" + stored + (stored > VERSION ? ", newer than this release's" : "");
        current = true;
    }

    private static int storedVersion(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(READ_VERSION);
             ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("figures_version holds no row");
            }
            return rs.getInt(1);
        }
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setInt(1, LOCK_SPACE);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
