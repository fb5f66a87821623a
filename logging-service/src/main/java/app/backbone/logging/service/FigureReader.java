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
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.logging.domain.CatalogExercise;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.WeekAggregate;
import app.backbone.logging.domain.figures.WeeklyFigures;

/** Reads the stored figures; muscle and pattern figures come from the catalog read model at read time. */
@ApplicationScoped
public class FigureReader {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public FigureReader(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** One entry per ISO week from {@code first} to {@code last}, empty weeks included. */
    public List<WeeklyFigures> weeks(String tenant, String member, IsoWeek first, IsoWeek last) {
        Map<IsoWeek, WeekAggregate> stored = new TreeMap<>();
        query("SELECT state FROM weekly_aggregate WHERE tenant_id = ? AND member_id = ? AND iso_week >= ? "
                + "AND iso_week <= ?", List.of(tenant, member, first.toString(), last.toString()), json -> {
                    WeekAggregate week = read(json, WeekAggregate.class);
                    stored.put(week.week(), week);
                });
        Set<String> exerciseIds = new HashSet<>();
        stored.values().forEach(week -> exerciseIds.addAll(week.exerciseIds()));
        Map<String, ExerciseFacts> facts = facts(exerciseIds);
        List<WeeklyFigures> figures = new ArrayList<>();
        for (IsoWeek week = first; week.compareTo(last) <= 0; week = IsoWeek.of(week.monday().plusWeeks(1))) {
            figures.add(stored.getOrDefault(week, WeekAggregate.empty(week)).figures(facts));
        }
        return figures;
    }

    /** One exercise's history for a member, if the member has done it. */
    public Optional<ExerciseHistory> history(String tenant, String member, String exerciseId) {
        List<ExerciseHistory> found = new ArrayList<>();
        query("SELECT state FROM exercise_history WHERE tenant_id = ? AND member_id = ? AND exercise_id = ?",
                List.of(tenant, member, exerciseId), json -> found.add(read(json, ExerciseHistory.class)));
        return found.stream().findFirst();
    }

    /** Every exercise history of a member, by exercise id. */
    public List<ExerciseHistory> histories(String tenant, String member) {
        List<ExerciseHistory> found = new ArrayList<>();
        query("SELECT state FROM exercise_history WHERE tenant_id = ? AND member_id = ? ORDER BY exercise_id",
                List.of(tenant, member), json -> found.add(read(json, ExerciseHistory.class)));
        return found;
    }

    /** What the catalog read model knows of these exercises. */
    public Map<String, ExerciseFacts> facts(Set<String> exerciseIds) {
        if (exerciseIds.isEmpty()) {
            return Map.of();
        }
        return ExerciseFacts.byId(CatalogExercise.byIds(exerciseIds).stream()
                .map(e -> new ExerciseFacts(e.id, e.movementPattern, e.primaryMuscles, e.secondaryMuscles))
                .toList());
    }

    private void query(String sql, List<String> params, Consumer<String> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read figures", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored figure", e);
        }
    }
}
