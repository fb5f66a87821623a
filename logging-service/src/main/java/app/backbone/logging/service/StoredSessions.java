package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.messaging.SessionCompleted;

/** Reads a member's stored sessions back in the figures' vocabulary, oldest first. */
@ApplicationScoped
public class StoredSessions {

    private static final TypeReference<List<SessionCompleted.ExerciseDone>> EXERCISES = new TypeReference<>() {
    };
    private static final String OF_MEMBER = "SELECT session_id, completed_at, exercises FROM training_session "
            + "WHERE tenant_id = ? AND member_id = ? ORDER BY completed_at, session_id";
    private static final String OF_MEMBER_AND_EXERCISE = "SELECT session_id, completed_at, exercises "
            + "FROM training_session WHERE tenant_id = ? AND member_id = ? AND exercises @> ?::jsonb "
            + "ORDER BY completed_at, session_id";

    private final ObjectMapper mapper;

    public StoredSessions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Every session of the member. */
    public List<LoggedSession> of(Connection connection, String tenant, String member) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(OF_MEMBER)) {
            read.setString(1, tenant);
            read.setString(2, member);
            return read(read);
        }
    }

    /** The member's sessions that include the exercise. */
    public List<LoggedSession> withExercise(Connection connection, String tenant, String member, String exerciseId)
            throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(OF_MEMBER_AND_EXERCISE)) {
            read.setString(1, tenant);
            read.setString(2, member);
            read.setString(3, JsonNodeFactory.instance.arrayNode()
                    .add(JsonNodeFactory.instance.objectNode().put("exerciseId", exerciseId)).toString());
            return read(read);
        }
    }

    private List<LoggedSession> read(PreparedStatement statement) throws SQLException {
        List<LoggedSession> sessions = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                sessions.add(LoggedSessions.of(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        exercises(rs.getString(3))));
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
