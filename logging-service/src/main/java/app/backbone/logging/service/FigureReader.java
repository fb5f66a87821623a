package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.LoggedExercise;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.WeekAggregate;
import app.backbone.logging.domain.figures.WeeklyFigures;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * Reads the figures: weekly ones from the stored aggregates, an exercise's history from the member's sessions,
 * records from the member's stored standing; muscle and pattern figures come from the catalog read model at read
 * time. Computed week ranges are kept in the
 * {@value #CACHE} cache, no longer than the catalog facts they were computed from.
 */
@ApplicationScoped
public class FigureReader {

    private static final String RANGE = " FROM weekly_aggregate WHERE tenant_id = ? AND member_id = ? "
            + "AND iso_week >= ? AND iso_week <= ?";
    private static final String WEEKS = "SELECT state" + RANGE;
    private static final String WEEKS_VERSION = "SELECT count(*), coalesce(max(xmin::text::bigint), 0)" + RANGE;

    static final String CACHE = "weekly-figures";

    private final DataSource dataSource;
    private final FigureStore store;
    private final StoredSessions stored;
    private final StandingRows standings;
    private final CatalogFacts catalog;
    private final CaffeineCache computed;

    public FigureReader(DataSource dataSource, FigureStore store, StoredSessions stored, StandingRows standings,
            CatalogFacts catalog, @CacheName(CACHE) Cache computed) {
        this.dataSource = dataSource;
        this.store = store;
        this.stored = stored;
        this.standings = standings;
        this.catalog = catalog;
        this.computed = computed.as(CaffeineCache.class);
    }

    /**
     * One entry per ISO week from {@code first} to {@code last}, empty weeks included. A range asked again is
     * answered from memory while its stored weeks are unchanged (same row count and newest row version), no
     * catalog change reached this instance since it was computed, and it is younger than the cache's time to live.
     */
    public List<WeeklyFigures> weeks(String tenant, String member, IsoWeek first, IsoWeek last) {
        Range range = new Range(tenant, member, first.toString(), last.toString());
        long[] version = new long[2];
        query(WEEKS_VERSION, range.params(), rs -> {
            version[0] = rs.getLong(1);
            version[1] = rs.getLong(2);
        });
        long factsGeneration = catalog.generation();
        CompletableFuture<Computed> cached = computed.getIfPresent(range);
        if (cached != null) {
            Computed known = cached.join();
            if (known.rows() == version[0] && known.newestRow() == version[1]
                    && known.factsGeneration() == factsGeneration) {
                return known.figures();
            }
        }
        List<WeeklyFigures> figures = compute(range, first, last);
        computed.put(range, CompletableFuture.completedFuture(
                new Computed(version[0], version[1], factsGeneration, figures)));
        return figures;
    }

    private List<WeeklyFigures> compute(Range range, IsoWeek first, IsoWeek last) {
        Map<IsoWeek, WeekAggregate> stored = new TreeMap<>();
        query(WEEKS, range.params(), rs -> {
            WeekAggregate week = store.readState(rs.getString(1));
            stored.put(week.week(), week);
        });
        Set<String> exerciseIds = new HashSet<>();
        stored.values().forEach(week -> exerciseIds.addAll(week.exerciseIds()));
        WeeklyFigures.Calculator calculator = new WeeklyFigures.Calculator(facts(exerciseIds));
        List<WeeklyFigures> figures = new ArrayList<>();
        for (IsoWeek week = first; week.compareTo(last) <= 0; week = IsoWeek.of(week.monday().plusWeeks(1))) {
            figures.add(calculator.of(stored.getOrDefault(week, WeekAggregate.empty(week))));
        }
        return List.copyOf(figures);
    }

    /** One exercise's history for a member, computed from the sessions, if the member has done it. */
    public Optional<ExerciseHistory> history(String tenant, String member, String exerciseId) {
        List<LoggedSession> sessions = withConnection(c -> stored.withExercise(c, tenant, member, exerciseId));
        return sessions.isEmpty() ? Optional.empty() : Optional.of(ExerciseHistory.rebuild(exerciseId, sessions));
    }

    /**
     * Every exercise history of a member, in exercise id order, as stored with their standing: each with its whole
     * records but only its {@linkplain ExerciseHistory#recent() recent} points. A member whose standing is not stored
     * gets them computed from their sessions.
     */
    public List<ExerciseHistory> histories(String tenant, String member) {
        return withConnection(c -> {
            Optional<List<ExerciseHistory>> standing = standings.ofMember(c, tenant, member);
            return standing.isPresent() ? standing.get() : fromSessions(stored.of(c, tenant, member));
        });
    }

    private static List<ExerciseHistory> fromSessions(List<LoggedSession> sessions) {
        Map<String, List<LoggedSession>> byExercise = new TreeMap<>();
        for (LoggedSession session : sessions) {
            session.exercises().stream().map(LoggedExercise::exerciseId).distinct()
                    .forEach(id -> byExercise.computeIfAbsent(id, k -> new ArrayList<>()).add(session));
        }
        return byExercise.entrySet().stream().map(e -> ExerciseHistory.rebuild(e.getKey(), e.getValue())).toList();
    }

    /** What the catalog read model knows of these exercises. */
    public Map<String, ExerciseFacts> facts(Set<String> exerciseIds) {
        return catalog.of(exerciseIds);
    }

    private void query(String sql, List<String> params, RowReader row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read figures", e);
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read sessions", e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private record Range(String tenant, String member, String first, String last) {

        List<String> params() {
            return List.of(tenant, member, first, last);
        }
    }

    private record Computed(long rows, long newestRow, long factsGeneration, List<WeeklyFigures> figures) {
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
