package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.domain.FigureRebuildJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Rebuilds of tenants' figures, run as jobs ({@code figure_rebuild}). A request records a {@code PENDING} job unless
 * the tenant has one pending or running, which it answers instead; a partial unique index keeps it to one, whichever
 * instance each request reaches. An instance takes a job up by claiming it ({@code FOR UPDATE SKIP LOCKED}: one
 * instance gets it) for a lease, then recomputes the tenant member by member with {@link FigureRebuild#next}: each
 * member's transaction also records that member done and renews the lease, and only while the job is still this
 * instance's, so figures and progress commit together. A heartbeat renews the lease between members and looks for
 * jobs to take up: new ones, and those whose lease ran out (their instance stopped), which go on after the last member
 * recorded. A job whose recompute fails is {@code FAILED}, and so is one taken up more than
 * {@code backbone.logging.rebuild.max-attempts} times.
 */
@ApplicationScoped
public class FigureRebuildJobs {

    private static final Logger LOG = Logger.getLogger(FigureRebuildJobs.class);
    private static final int STOP_WAIT_SECONDS = 5;
    private static final String ACTIVE = "status IN ('PENDING', 'RUNNING')";
    private static final String CREATE = "INSERT INTO figure_rebuild (id, tenant_id, status, members_done, "
            + "sessions_processed, attempts, created_at, updated_at) VALUES (?, ?, 'PENDING', 0, 0, 0, ?, ?) "
            + "ON CONFLICT (tenant_id) WHERE " + ACTIVE + " DO NOTHING";
    private static final String FIND_ACTIVE = "SELECT id FROM figure_rebuild WHERE tenant_id = ? AND " + ACTIVE;
    private static final String LEASE = "now() + ? * interval '1 millisecond'";
    private static final String CLAIM = "UPDATE figure_rebuild SET status = 'RUNNING', claimed_by = ?, "
            + "lease_expires_at = " + LEASE + ", attempts = attempts + 1, started_at = coalesce(started_at, ?), "
            + "updated_at = ? WHERE id = (SELECT id FROM figure_rebuild WHERE status = 'PENDING' OR status = 'RUNNING' "
            + "AND lease_expires_at < now() ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, tenant_id, last_member_id, members_total, attempts";
    private static final String HELD = " WHERE id = ? AND claimed_by = ? AND status = 'RUNNING'";
    private static final String COUNTED = "UPDATE figure_rebuild SET members_total = ?, updated_at = ?" + HELD;
    private static final String MEMBER_DONE = "UPDATE figure_rebuild SET last_member_id = ?, "
            + "members_done = members_done + 1, members_total = GREATEST(members_total, members_done + 1), "
            + "sessions_processed = sessions_processed + ?, updated_at = ?, lease_expires_at = " + LEASE + HELD;
    private static final String RENEW = "UPDATE figure_rebuild SET lease_expires_at = " + LEASE + HELD;
    private static final String HAND_BACK = "UPDATE figure_rebuild SET lease_expires_at = now()" + HELD;
    private static final String END = "UPDATE figure_rebuild SET status = ?, failure = ?, updated_at = ?, "
            + "finished_at = ?, lease_expires_at = NULL, last_member_id = NULL" + HELD;

    /** A job as this instance took it up. */
    private record Claim(UUID id, String tenantId, String lastMemberId, Integer membersTotal, int attempts) {
    }

    /** The job went to another instance while this one held it past its lease: this one's work is rolled back. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    private final DataSource dataSource;
    private final FigureRebuild rebuild;
    private final Clock clock;
    private final LoggingConfig.Rebuild config;
    private final String instance = System.getenv().getOrDefault("HOSTNAME", "logging-service") + "/"
            + UUID.randomUUID();
    /** One job at a time; a look for jobs asked for while one runs waits (one at most) and runs after it. */
    private final ThreadPoolExecutor runner;
    private volatile Claim running;
    private volatile boolean stopping;

    public FigureRebuildJobs(DataSource dataSource, FigureRebuild rebuild, Clock clock, LoggingConfig config) {
        this.dataSource = dataSource;
        this.rebuild = rebuild;
        this.clock = clock;
        this.config = config.rebuild();
        this.runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), task -> {
            Thread thread = new Thread(task, "figure-rebuild");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /**
     * Asks for a rebuild of the tenant's figures.
     *
     * @return the new job, {@code PENDING}; or, while the tenant has one pending or running, that one
     */
    public FigureRebuildJob request(String tenant) {
        UUID id = UUID.randomUUID();
        UUID job = QuarkusTransaction.requiringNew().call(() -> create(id, tenant, clock.instant()));
        if (job.equals(id)) {
            LOG.infof("Rebuild %s of the figures of %s asked for", id, tenant);
            runner.execute(this::takeUpDue);
        }
        return FigureRebuildJob.of(tenant, job).orElseThrow();
    }

    /** Renews the lease of the job this instance runs, and takes up any job due. */
    @Scheduled(every = "${backbone.logging.rebuild.heartbeat:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        Claim claim = running;
        if (claim != null) {
            try {
                held(RENEW, claim, statement -> {
                    statement.setLong(1, config.lease().toMillis());
                    return 2;
                });
            } catch (LeaseLost e) {
                LOG.debugf("Rebuild %s ended, or went to another instance, before its lease was renewed", claim.id());
            } catch (RuntimeException e) {
                LOG.warnf("Could not renew the lease of rebuild %s: %s", claim.id(), reason(e));
            }
        }
        runner.execute(this::takeUpDue);
    }

    /**
     * Lets the job running finish the member it is at and hand the job back, so that another instance takes it up at
     * once; one that does not finish in a few seconds is interrupted, and taken up by another once its lease runs out.
     * Done as shutdown begins, while the database is still there.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        runner.shutdown();
        if (!runner.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            runner.shutdownNow();
        }
    }

    /**
     * Inserts the job, or finds the tenant's active one; answers its id. The insert finds a job that became active
     * meanwhile (it waits for the transaction that inserts it), the read one that is still active: when that one ends
     * in between, the insert is tried again.
     */
    private UUID create(UUID id, String tenant, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                try (PreparedStatement create = connection.prepareStatement(CREATE)) {
                    create.setObject(1, id);
                    create.setString(2, tenant);
                    create.setTimestamp(3, Timestamp.from(now));
                    create.setTimestamp(4, Timestamp.from(now));
                    if (create.executeUpdate() == 1) {
                        return id;
                    }
                }
                try (PreparedStatement active = connection.prepareStatement(FIND_ACTIVE)) {
                    active.setString(1, tenant);
                    try (ResultSet rs = active.executeQuery()) {
                        if (rs.next()) {
                            return rs.getObject(1, UUID.class);
                        }
                    }
                }
            }
        }
    }

    /** Takes up the jobs due, one after the other, until none is left. */
    private void takeUpDue() {
        try {
            for (Optional<Claim> claim = claim(); claim.isPresent() && !stopping; claim = claim()) {
                run(claim.get());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not look for figure rebuilds to take up: %s", e.getMessage());
        }
    }

    private Optional<Claim> claim() throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, instance);
            claim.setLong(2, config.lease().toMillis());
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getInt(5)));
            }
        }
    }

    private void run(Claim claim) {
        running = claim;
        String after = claim.lastMemberId() == null ? "" : claim.lastMemberId();
        try {
            if (claim.attempts() > config.maxAttempts()) {
                end(claim, FigureRebuildJob.Status.FAILED, "The instances running it stopped " + (claim.attempts() - 1)
                        + " times; it is not taken up again. Ask again to start over.");
                return;
            }
            LOG.infof("Rebuilding the figures of %s (rebuild %s, attempt %d%s)", claim.tenantId(), claim.id(),
                    claim.attempts(), after.isEmpty() ? "" : ", after member " + after);
            if (claim.membersTotal() == null) {
                held(COUNTED, claim, statement -> {
                    statement.setInt(1, rebuild.members(claim.tenantId()));
                    statement.setTimestamp(2, Timestamp.from(clock.instant()));
                    return 3;
                });
            }
            for (Optional<FigureRebuild.Step> step = next(claim, after); step.isPresent(); step = next(claim, after)) {
                after = step.get().memberId();
                if (stopping) {
                    held(HAND_BACK, claim, statement -> 1);
                    LOG.infof("Rebuild %s of %s handed back for another instance to go on with, after member %s",
                            claim.id(), claim.tenantId(), after);
                    return;
                }
            }
            end(claim, FigureRebuildJob.Status.DONE, null);
            LOG.infof("Rebuild %s of the figures of %s done", claim.id(), claim.tenantId());
        } catch (LeaseLost e) {
            LOG.warnf("Rebuild %s of %s went to another instance while this one held it past its lease; this one "
                    + "stops", claim.id(), claim.tenantId());
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.warnf("Rebuild %s of %s stopped with this instance (%s); another takes it up once its lease runs "
                        + "out", claim.id(), claim.tenantId(), reason(e));
                return;
            }
            LOG.errorf(e, "Rebuild %s of the figures of %s failed %s", claim.id(), claim.tenantId(),
                    after.isEmpty() ? "at its first member" : "after member " + after);
            end(claim, FigureRebuildJob.Status.FAILED, "Recomputing the figures failed: " + reason(e)
                    + ". The members recomputed before keep their new figures; ask again to start over.");
        } finally {
            running = null;
        }
    }

    /** Recomputes the member after {@code after}, recording it done in the same transaction. */
    private Optional<FigureRebuild.Step> next(Claim claim, String after) {
        return rebuild.next(claim.tenantId(), after, (connection, step) -> held(connection, MEMBER_DONE, claim,
                statement -> {
                    statement.setString(1, step.memberId());
                    statement.setLong(2, step.sessions());
                    statement.setTimestamp(3, Timestamp.from(clock.instant()));
                    statement.setLong(4, config.lease().toMillis());
                    return 5;
                }));
    }

    /** Records how the job ended, if this instance still holds it; a failure to record it is logged. */
    private void end(Claim claim, FigureRebuildJob.Status status, String failure) {
        try {
            held(END, claim, statement -> {
                Instant now = clock.instant();
                statement.setString(1, status.name());
                statement.setString(2, failure);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setTimestamp(4, Timestamp.from(now));
                return 5;
            });
        } catch (LeaseLost e) {
            LOG.warnf("Rebuild %s of %s went to another instance before this one could record it %s", claim.id(),
                    claim.tenantId(), status);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record rebuild %s of %s %s; once its lease runs out it is taken up again",
                    claim.id(), claim.tenantId(), status);
        }
    }

    /** Binds a statement's own parameters and answers the index of the first of {@link #HELD}'s two. */
    @FunctionalInterface
    private interface Binding {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs an update of the job on its own, only while this instance holds it. */
    private void held(String sql, Claim claim, Binding binding) {
        try (Connection connection = dataSource.getConnection()) {
            held(connection, sql, claim, binding);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update rebuild " + claim.id(), e);
        }
    }

    /**
     * Runs an update of the job in the caller's transaction, only while this instance holds it.
     *
     * @throws LeaseLost when another instance holds it
     */
    private void held(Connection connection, String sql, Claim claim, Binding binding) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = binding.bind(statement);
            statement.setObject(next, claim.id());
            statement.setString(next + 1, instance);
            if (statement.executeUpdate() == 0) {
                throw new LeaseLost();
            }
        }
    }

    /** What went wrong, without the transaction's wrapping. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause instanceof QuarkusTransactionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
