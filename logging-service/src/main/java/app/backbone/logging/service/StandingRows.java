package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import app.backbone.logging.domain.figures.Best;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.ExerciseRecords;
import app.backbone.logging.domain.figures.MemberStanding;
import app.backbone.logging.domain.figures.Prescribed;
import app.backbone.logging.domain.figures.ProgressionPoint;
import app.backbone.logging.domain.figures.TopSet;
import app.backbone.logging.messaging.MemberProgress;
import app.backbone.logging.messaging.ProgressMapper;

/**
 * The {@code exercise_standing} rows: per member and exercise its {@link ExerciseHistory#recent()} as compact JSON
 * and its part of the member's progress as published ({@link ProgressMapper#exercise}), both written with one
 * statement per batch.
 */
@ApplicationScoped
public class StandingRows {

    private static final String WRITE = "INSERT INTO exercise_standing (tenant_id, member_id, exercise_id, history, "
            + "progress) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "ON CONFLICT (tenant_id, member_id, exercise_id) DO UPDATE SET history = EXCLUDED.history, "
            + "progress = EXCLUDED.progress";
    private static final String READ_EXERCISES = "SELECT tenant_id, member_id, history FROM exercise_standing "
            + "WHERE (tenant_id, member_id, exercise_id) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))";
    private static final String READ_MEMBER = "SELECT s.history FROM member_progress p LEFT JOIN exercise_standing s "
            + "ON s.tenant_id = p.tenant_id AND s.member_id = p.member_id WHERE p.tenant_id = ? AND p.member_id = ?";

    private final ObjectMapper mapper;
    private final ObjectMapper published;

    /** How a history's parts are stored: as arrays, their components in declaration order. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    private interface AsArray {
    }

    /** One exercise's history of one member, and the progress it gives with the exercise's facts. */
    public record Row(Member member, ExerciseHistory history, MemberProgress.ExerciseProgress progress) {

        public Row(Member member, ExerciseHistory history, Map<String, ExerciseFacts> facts) {
            this(member, history, ProgressMapper.exercise(history, facts.get(history.exerciseId())));
        }
    }

    /**
     * @param mapper the application's mapper, copied to store histories compactly: their parts as arrays rather
     *               than objects, times as numbers rather than ISO-8601 text (half the bytes of named fields, and
     *               read back several times faster). Changing those records' components changes what a stored
     *               history means: recompute them ({@code POST /figures/rebuild}).
     */
    public StandingRows(ObjectMapper mapper) {
        this.published = mapper;
        this.mapper = mapper.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Class<?> part : List.of(ExerciseHistory.class, ProgressionPoint.class, Prescribed.class, TopSet.class,
                ExerciseRecords.class, Best.class)) {
            this.mapper.addMixIn(part, AsArray.class);
        }
    }

    /** Inserts or replaces the rows with one statement. */
    public void write(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setArray(1, connection.createArrayOf("text", rows.stream().map(r -> r.member().tenantId())
                    .toArray()));
            write.setArray(2, connection.createArrayOf("text", rows.stream().map(r -> r.member().memberId())
                    .toArray()));
            write.setArray(3, connection.createArrayOf("text", rows.stream().map(r -> r.history().exerciseId())
                    .toArray()));
            write.setArray(4, connection.createArrayOf("text", rows.stream().map(r -> json(mapper, r.history()))
                    .toArray()));
            write.setArray(5, connection.createArrayOf("text", rows.stream().map(r -> r.progress() == null ? null
                    : json(published, r.progress())).toArray()));
            write.executeUpdate();
        }
    }

    /** Of each member the histories of the given exercises that are stored; a member without any is left out. */
    public Map<Member, MemberStanding> of(Connection connection, Map<Member, Set<String>> exercisesByMember)
            throws SQLException {
        List<String> tenants = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> exercises = new ArrayList<>();
        exercisesByMember.forEach((member, ids) -> ids.forEach(id -> {
            tenants.add(member.tenantId());
            members.add(member.memberId());
            exercises.add(id);
        }));
        if (exercises.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement select = connection.prepareStatement(READ_EXERCISES)) {
            select.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            select.setArray(2, connection.createArrayOf("text", members.toArray()));
            select.setArray(3, connection.createArrayOf("text", exercises.toArray()));
            return standings(select);
        }
    }

    /**
     * Every stored history of the member, in exercise id order; empty when the member has no progress revision, as
     * their standing is then not stored (no session yet, or none since the standing was introduced).
     */
    public Optional<List<ExerciseHistory>> ofMember(Connection connection, String tenant, String member)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ_MEMBER)) {
            select.setString(1, tenant);
            select.setString(2, member);
            List<ExerciseHistory> histories = new ArrayList<>();
            boolean revision = false;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    revision = true;
                    String history = rs.getString(1);
                    if (history != null) {
                        histories.add(parse(history));
                    }
                }
            }
            histories.sort(Comparator.comparing(ExerciseHistory::exerciseId));
            return revision ? Optional.of(histories) : Optional.empty();
        }
    }

    private Map<Member, MemberStanding> standings(PreparedStatement select) throws SQLException {
        Map<Member, TreeMap<String, ExerciseHistory>> read = new HashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ExerciseHistory history = parse(rs.getString(3));
                read.computeIfAbsent(new Member(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                        .put(history.exerciseId(), history);
            }
        }
        Map<Member, MemberStanding> standings = new HashMap<>();
        read.forEach((member, histories) -> standings.put(member, new MemberStanding(histories)));
        return standings;
    }

    private ExerciseHistory parse(String json) throws SQLException {
        try {
            return mapper.readValue(json, ExerciseHistory.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable stored standing", e);
        }
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a standing", e);
        }
    }
}
