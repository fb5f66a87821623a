package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private static final String OF_MEMBERS = "SELECT tenant_id, member_id, session_id, completed_at, exercises "
            + "FROM training_session WHERE (tenant_id, member_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) "
            + "AND (tenant_id, session_id) NOT IN (SELECT * FROM unnest(?::text[], ?::text[])) "
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

    /** The sessions of these members, by member, but for the sessions {@code leftOut}. */
    public Map<Member, List<LoggedSession>> ofMembers(Connection connection, Collection<Member> members,
            Collection<FigureStore.MemberSession> leftOut) throws SQLException {
        Map<Member, List<LoggedSession>> byMember = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(OF_MEMBERS)) {
            read.setArray(1, connection.createArrayOf("text", members.stream().map(Member::tenantId).toArray()));
            read.setArray(2, connection.createArrayOf("text", members.stream().map(Member::memberId).toArray()));
            read.setArray(3, connection.createArrayOf("text", leftOut.stream().map(s -> s.tenantId()).toArray()));
            read.setArray(4, connection.createArrayOf("text",
                    leftOut.stream().map(s -> s.session().sessionId()).toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    byMember.computeIfAbsent(new Member(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(LoggedSessions.of(rs.getString(3), rs.getTimestamp(4).toInstant(),
                                    exercises(rs.getString(5))));
                }
            }
        }
        return byMember;
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
