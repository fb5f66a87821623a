package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.logging.messaging.SessionCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Recomputes a tenant's figures from its stored sessions, with the same code that folds them in on ingest. */
@ApplicationScoped
public class FigureRebuild {

    private static final TypeReference<List<SessionCompleted.ExerciseDone>> EXERCISES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final FigureStore figures;
    private final ObjectMapper mapper;

    public FigureRebuild(DataSource dataSource, FigureStore figures, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.mapper = mapper;
    }

    /** What a rebuild went through. */
    public record Result(int members, int sessions) {
    }

    /** Replaces the tenant's figures by ones computed from all its stored sessions, in one transaction. */
    public Result rebuild(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                figures.clear(connection, tenant);
                List<String> members = members(connection, tenant);
                int sessions = 0;
                for (String member : members) {
                    List<FigureStore.MemberSession> stored = sessions(connection, tenant, member);
                    figures.add(connection, stored);
                    sessions += stored.size();
                }
                return new Result(members.size(), sessions);
            }
        });
    }

    private static List<String> members(Connection connection, String tenant) throws SQLException {
        List<String> members = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT DISTINCT member_id FROM training_session WHERE tenant_id = ? ORDER BY member_id")) {
            read.setString(1, tenant);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return members;
    }

    private List<FigureStore.MemberSession> sessions(Connection connection, String tenant, String member)
            throws SQLException {
        List<FigureStore.MemberSession> sessions = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT session_id, completed_at, exercises "
                + "FROM training_session WHERE tenant_id = ? AND member_id = ?")) {
            read.setString(1, tenant);
            read.setString(2, member);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new FigureStore.MemberSession(tenant, member, LoggedSessions.of(rs.getString(1),
                            rs.getTimestamp(2).toInstant(), exercises(rs.getString(3)))));
                }
            }
        }
        return sessions;
    }

    private List<SessionCompleted.ExerciseDone> exercises(String json) throws SQLException {
        try {
            return mapper.readValue(json, EXERCISES);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable stored session", e);
        }
    }
}
