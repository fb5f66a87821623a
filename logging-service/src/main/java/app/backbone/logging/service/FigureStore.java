package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.LoggedExercise;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.WeekAggregate;

/**
 * Folds newly stored sessions into each member's weekly aggregates and exercise histories, in the caller's
 * transaction and connection: one read of the affected rows, one batched upsert.
 */
@ApplicationScoped
public class FigureStore {

    private static final String READ_WEEKS = "SELECT tenant_id, member_id, iso_week, state FROM weekly_aggregate "
            + "WHERE (tenant_id, member_id, iso_week) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))";
    private static final String WRITE_WEEK = "INSERT INTO weekly_aggregate (tenant_id, member_id, iso_week, state) "
            + "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, member_id, iso_week) DO UPDATE SET state = "
            + "EXCLUDED.state";
    private static final String READ_HISTORIES = "SELECT tenant_id, member_id, exercise_id, state "
            + "FROM exercise_history WHERE (tenant_id, member_id, exercise_id) IN "
            + "(SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))";
    private static final String WRITE_HISTORY = "INSERT INTO exercise_history (tenant_id, member_id, exercise_id, "
            + "state) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, member_id, exercise_id) DO UPDATE SET "
            + "state = EXCLUDED.state";

    private final ObjectMapper mapper;

    public FigureStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A session of one member of one tenant. */
    public record MemberSession(String tenantId, String memberId, LoggedSession session) {
    }

    private record Key(String tenantId, String memberId, String part) {
    }

    /** Adds the sessions to the stored figures (sessions already folded in change nothing). */
    public void add(Connection connection, List<MemberSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        Map<Key, WeekAggregate> weeks = new LinkedHashMap<>();
        Map<Key, ExerciseHistory> histories = new LinkedHashMap<>();
        for (MemberSession s : sessions) {
            weeks.put(new Key(s.tenantId(), s.memberId(), s.session().week().toString()), null);
            for (LoggedExercise exercise : s.session().exercises()) {
                histories.put(new Key(s.tenantId(), s.memberId(), exercise.exerciseId()), null);
            }
        }
        read(connection, READ_WEEKS, weeks, WeekAggregate.class);
        read(connection, READ_HISTORIES, histories, ExerciseHistory.class);
        for (MemberSession s : sessions) {
            Key week = new Key(s.tenantId(), s.memberId(), s.session().week().toString());
            WeekAggregate aggregate = weeks.get(week);
            weeks.put(week, (aggregate == null ? WeekAggregate.empty(s.session().week()) : aggregate)
                    .plus(s.session()));
            for (LoggedExercise exercise : s.session().exercises()) {
                Key key = new Key(s.tenantId(), s.memberId(), exercise.exerciseId());
                ExerciseHistory history = histories.get(key);
                histories.put(key, (history == null ? ExerciseHistory.empty(exercise.exerciseId()) : history)
                        .plus(s.session()));
            }
        }
        write(connection, WRITE_WEEK, weeks);
        write(connection, WRITE_HISTORY, histories);
    }

    /** Removes every stored figure of a tenant, before a rebuild. */
    public void clear(Connection connection, String tenantId) throws SQLException {
        for (String table : List.of("weekly_aggregate", "exercise_history")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE tenant_id = ?")) {
                delete.setString(1, tenantId);
                delete.executeUpdate();
            }
        }
    }

    private <T> T state(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored figure", e);
        }
    }

    private <T> void read(Connection connection, String sql, Map<Key, T> into, Class<T> type)
            throws SQLException {
        List<String> tenants = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        into.keySet().forEach(k -> {
            tenants.add(k.tenantId());
            members.add(k.memberId());
            parts.add(k.part());
        });
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            read.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            read.setArray(2, connection.createArrayOf("text", members.toArray()));
            read.setArray(3, connection.createArrayOf("text", parts.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    into.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)),
                            state(rs.getString(4), type));
                }
            }
        }
    }

    private void write(Connection connection, String sql, Map<Key, ?> states) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            for (Map.Entry<Key, ?> entry : states.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                write.setString(1, entry.getKey().tenantId());
                write.setString(2, entry.getKey().memberId());
                write.setString(3, entry.getKey().part());
                try {
                    write.setString(4, mapper.writeValueAsString(entry.getValue()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Could not serialise a figure", e);
                }
                write.addBatch();
            }
            write.executeBatch();
        }
    }
}
