package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import app.backbone.common.outbox.StateRenderer;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.WeeklyFigures;
import app.backbone.logging.messaging.ProgressMapper;
import app.backbone.logging.messaging.ProgressTopics;

/**
 * Renders members' progress for {@value ProgressTopics#MEMBER_PROGRESS} when the outbox relay sends it, from what is
 * committed then: the revision ({@code member_progress}), each exercise's progress as stored with its history
 * ({@link StandingRows}, joined in by the database in exercise id order) and the pull and push hard sets of the last
 * {@value #PULL_PUSH_WEEKS} ISO weeks from the stored weekly aggregates. A member without a revision has no progress
 * any more and is sent as a tombstone.
 */
@ApplicationScoped
public class ProgressRenderer implements StateRenderer {

    /** ISO weeks the progress's pull and push hard sets span, ending with the week it is rendered in. */
    public static final int PULL_PUSH_WEEKS = 4;

    private static final TypeReference<Map<String, Integer>> HARD_SETS = new TypeReference<>() {
    };
    private static final String MEMBERS = "(tenant_id, member_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))";
    private static final String READ_PROGRESS = "SELECT p.tenant_id, p.member_id, p.revision, (SELECT "
            + "string_agg(s.progress, ',' ORDER BY s.exercise_id COLLATE \"C\") FROM exercise_standing s WHERE "
            + "s.tenant_id = p.tenant_id AND s.member_id = p.member_id AND s.progress IS NOT NULL) "
            + "FROM member_progress p WHERE (p.tenant_id, p.member_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))";
    private static final String READ_HARD_SETS = "SELECT tenant_id, member_id, state->'hardSetsByExercise' "
            + "FROM weekly_aggregate WHERE " + MEMBERS + " AND iso_week >= ? AND iso_week <= ?";

    private final DataSource dataSource;
    private final CatalogFacts catalog;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ProgressRenderer(DataSource dataSource, CatalogFacts catalog, ObjectMapper mapper, Clock clock) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return ProgressTopics.MEMBER_PROGRESS;
    }

    @Override
    public Map<String, String> render(Collection<String> keys) {
        List<Member> members = keys.stream().map(ProgressRenderer::member).toList();
        Instant now = clock.instant();
        IsoWeek to = IsoWeek.of(now);
        IsoWeek from = IsoWeek.of(to.monday().minusWeeks(PULL_PUSH_WEEKS - 1));
        try (Connection connection = dataSource.getConnection()) {
            Map<Member, Stored> stored = stored(connection, members);
            Map<Member, Map<String, Integer>> hardSets = hardSets(connection, stored.keySet(), from, to);
            Set<String> exerciseIds = new HashSet<>();
            hardSets.values().forEach(h -> exerciseIds.addAll(h.keySet()));
            WeeklyFigures.Calculator calculator = new WeeklyFigures.Calculator(catalog.of(exerciseIds));
            Map<String, String> rendered = new HashMap<>();
            stored.forEach((member, progress) -> {
                ObjectNode json = mapper.valueToTree(ProgressMapper.progress(member.tenantId(), member.memberId(),
                        progress.revision(), now, from, to, calculator.pullPush(hardSets.getOrDefault(member,
                        Map.of()))));
                json.putRawValue("exercises", new RawValue("[" + progress.exercises() + "]"));
                rendered.put(ProgressTopics.key(member.tenantId(), member.memberId()), write(json));
            });
            return rendered;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read members' progress", e);
        }
    }

    /** A member's revision and their exercises' stored progress, joined by commas. */
    private record Stored(long revision, String exercises) {
    }

    /** The member of a key made by {@link ProgressTopics#key}: tenant ids have no {@code /}. */
    private static Member member(String key) {
        int slash = key.indexOf('/');
        return new Member(key.substring(0, slash), key.substring(slash + 1));
    }

    private static Map<Member, Stored> stored(Connection connection, Collection<Member> members)
            throws SQLException {
        Map<Member, Stored> stored = new HashMap<>();
        try (PreparedStatement read = prepare(connection, READ_PROGRESS, members);
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String exercises = rs.getString(4);
                stored.put(new Member(rs.getString(1), rs.getString(2)), new Stored(rs.getLong(3),
                        exercises == null ? "" : exercises));
            }
        }
        return stored;
    }

    /** Per member, the hard sets per exercise of the weeks {@code from} to {@code to}, summed. */
    private Map<Member, Map<String, Integer>> hardSets(Connection connection, Collection<Member> members,
            IsoWeek from, IsoWeek to) throws SQLException {
        Map<Member, Map<String, Integer>> byMember = new HashMap<>();
        try (PreparedStatement read = prepare(connection, READ_HARD_SETS, members)) {
            read.setString(3, from.toString());
            read.setString(4, to.toString());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    Map<String, Integer> sum = byMember.computeIfAbsent(new Member(rs.getString(1),
                            rs.getString(2)), k -> new HashMap<>());
                    try {
                        mapper.readValue(rs.getString(3), HARD_SETS).forEach((id, sets) -> sum.merge(id, sets,
                                Integer::sum));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("Unreadable stored weekly aggregate", e);
                    }
                }
            }
        }
        return byMember;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Collection<Member> members)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", members.stream().map(Member::tenantId).toArray()));
        statement.setArray(2, connection.createArrayOf("text", members.stream().map(Member::memberId).toArray()));
        return statement;
    }

    private String write(ObjectNode progress) {
        try {
            return mapper.writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a member's progress", e);
        }
    }
}
