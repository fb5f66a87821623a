package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import app.backbone.common.outbox.Outbox;
import app.backbone.logging.domain.figures.Best;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.ExerciseRecords;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.MemberStanding;
import app.backbone.logging.domain.figures.Prescribed;
import app.backbone.logging.domain.figures.ProgressionPoint;
import app.backbone.logging.domain.figures.Recommendation;
import app.backbone.logging.domain.figures.RecordBeaten;
import app.backbone.logging.domain.figures.TopSet;
import app.backbone.logging.domain.figures.WeeklyFigures;
import app.backbone.logging.messaging.MemberProgress;
import app.backbone.logging.messaging.ProgressMapper;
import app.backbone.logging.messaging.ProgressTopics;

/**
 * Keeps each member's standing and publishes what newly stored sessions changed, in the ingest transaction and
 * connection, under the member locks {@link FigureStore#add} took: for each member with new sessions, their progress
 * on the compacted {@value ProgressTopics#MEMBER_PROGRESS} ({@link Outbox#replace}, so only a member's newest state
 * waiting in the outbox is sent) and, for live sessions, the records each session set and the recommendations it
 * turned to {@code DELOAD} on {@value ProgressTopics#INSIGHTS}. A standing is stored as the revision of the last
 * progress published ({@code member_progress}) and one row per exercise ({@code exercise_standing}: its
 * {@link ExerciseHistory#recent()} as JSON); a batch reads its members' rows with one query and writes back only the
 * exercises its sessions changed. A member without rows (whose sessions were stored before they existed) gets them
 * computed from their stored sessions first. The pull and push hard sets come from the stored weekly aggregates.
 */
@ApplicationScoped
public class ProgressStore {

    /** ISO weeks the progress's pull and push hard sets span, ending with the week it is computed in. */
    public static final int PULL_PUSH_WEEKS = 4;

    private static final TypeReference<ExerciseHistory> HISTORY = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> HARD_SETS = new TypeReference<>() {
    };
    private static final String MEMBERS = "(tenant_id, member_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))";
    private static final String READ = "SELECT p.tenant_id, p.member_id, p.revision, s.history FROM member_progress p "
            + "LEFT JOIN exercise_standing s USING (tenant_id, member_id) WHERE (p.tenant_id, p.member_id) IN "
            + "(SELECT * FROM unnest(?::text[], ?::text[])) ORDER BY p.tenant_id, p.member_id";
    private static final String WRITE_REVISION = "INSERT INTO member_progress (tenant_id, member_id, revision) "
            + "VALUES (?, ?, ?) ON CONFLICT (tenant_id, member_id) DO UPDATE SET revision = EXCLUDED.revision";
    private static final String KEEP_REVISION = "INSERT INTO member_progress (tenant_id, member_id, revision) "
            + "VALUES (?, ?, 0) ON CONFLICT (tenant_id, member_id) DO NOTHING";
    private static final String WRITE_HISTORY = "INSERT INTO exercise_standing (tenant_id, member_id, exercise_id, "
            + "history) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, member_id, exercise_id) DO UPDATE SET "
            + "history = EXCLUDED.history";
    private static final String FORGET_HISTORIES = "DELETE FROM exercise_standing WHERE tenant_id = ? AND member_id = ?";
    private static final String READ_HARD_SETS = "SELECT tenant_id, member_id, state->'hardSetsByExercise' "
            + "FROM weekly_aggregate WHERE " + MEMBERS + " AND iso_week >= ? AND iso_week <= ?";

    private final ObjectMapper mapper;
    private final StoredSessions stored;
    private final CatalogFacts catalog;
    private final Outbox outbox;

    /** How a standing's parts are stored: as arrays, their components in declaration order. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    private interface AsArray {
    }

    /**
     * @param mapper the application's mapper, copied to store standings compactly: the parts of an exercise's
     *               history as arrays rather than objects, times as numbers rather than ISO-8601 text (half the bytes
     *               of named fields, and read back several times faster). Changing those records' components
     *               changes what a stored standing means: recompute them ({@code POST /figures/rebuild}).
     */
    public ProgressStore(ObjectMapper mapper, StoredSessions stored, CatalogFacts catalog, Outbox outbox) {
        this.mapper = mapper.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Class<?> part : List.of(ExerciseHistory.class, ProgressionPoint.class, Prescribed.class, TopSet.class,
                ExerciseRecords.class, Best.class)) {
            this.mapper.addMixIn(part, AsArray.class);
        }
        this.stored = stored;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /**
     * Folds the sessions, in list order, into their members' standings and publishes each member's progress.
     * Members are taken one at a time, so that a batch holds one member's standing as objects at a time, and only
     * the exercises the sessions touched are written back.
     *
     * @param sessions sessions just stored, each once, none stored before
     * @param insights whether the sessions announce records and deloads: true for live sessions; sessions that
     *        only set a baseline (imports) pass false
     */
    public void add(Connection connection, List<FigureStore.MemberSession> sessions, Instant now, boolean insights)
            throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        Map<Member, List<LoggedSession>> byMember = new LinkedHashMap<>();
        sessions.forEach(s -> byMember.computeIfAbsent(new Member(s.tenantId(), s.memberId()),
                k -> new ArrayList<>()).add(s.session()));
        IsoWeek to = IsoWeek.of(now);
        IsoWeek from = IsoWeek.of(to.monday().minusWeeks(PULL_PUSH_WEEKS - 1));
        Map<Member, Map<String, Integer>> hardSets = hardSets(connection, byMember.keySet(), from, to);
        try (Fold fold = new Fold(connection, now, from, to, hardSets, insights)) {
            Map<Member, List<LoggedSession>> unread = new HashMap<>(byMember);
            try (PreparedStatement read = prepare(connection, READ, byMember.keySet());
                 ResultSet rs = read.executeQuery()) {
                Member member = null;
                long revision = 0;
                TreeMap<String, ExerciseHistory> histories = new TreeMap<>();
                while (rs.next()) {
                    Member row = new Member(rs.getString(1), rs.getString(2));
                    if (!row.equals(member)) {
                        if (member != null) {
                            fold.member(member, revision, new MemberStanding(histories), unread.remove(member));
                        }
                        member = row;
                        revision = rs.getLong(3);
                        histories.clear();
                    }
                    String history = rs.getString(4);
                    if (history != null) {
                        ExerciseHistory parsed = parse(history, HISTORY);
                        histories.put(parsed.exerciseId(), parsed);
                    }
                }
                if (member != null) {
                    fold.member(member, revision, new MemberStanding(histories), unread.remove(member));
                }
            }
            if (!unread.isEmpty()) {
                Map<Member, List<LoggedSession>> earlier = stored.ofMembers(connection, unread.keySet(), sessions);
                for (Map.Entry<Member, List<LoggedSession>> member : unread.entrySet()) {
                    fold.member(member.getKey(), 0, MemberStanding.rebuild(earlier.getOrDefault(member.getKey(),
                            List.of())), member.getValue(), MemberStanding.empty());
                }
            }
            fold.publish();
        }
    }

    /** One batch's folding: standings written in batches, progress and insights published at the end. */
    private final class Fold implements AutoCloseable {

        private final Instant now;
        private final IsoWeek from;
        private final IsoWeek to;
        private final Map<Member, Map<String, Integer>> hardSets;
        private final boolean insights;
        private final PreparedStatement revisions;
        private final PreparedStatement histories;
        private final Map<String, ExerciseFacts> facts = new HashMap<>();
        private final Map<String, MemberProgress> progress = new HashMap<>();
        private final List<Outbox.Message> learned = new ArrayList<>();
        private WeeklyFigures.Calculator calculator = new WeeklyFigures.Calculator(facts);

        Fold(Connection connection, Instant now, IsoWeek from, IsoWeek to,
                Map<Member, Map<String, Integer>> hardSets, boolean insights) throws SQLException {
            this.now = now;
            this.from = from;
            this.to = to;
            this.hardSets = hardSets;
            this.insights = insights;
            this.revisions = connection.prepareStatement(WRITE_REVISION);
            this.histories = connection.prepareStatement(WRITE_HISTORY);
        }

        /** Folds a member's sessions into their stored standing. */
        void member(Member member, long revision, MemberStanding stored, List<LoggedSession> sessions)
                throws SQLException {
            member(member, revision, stored, sessions, stored);
        }

        /**
         * Folds a member's sessions into their standing and writes back the exercises that differ from
         * {@code written}, what the tables hold.
         */
        void member(Member member, long revision, MemberStanding before, List<LoggedSession> sessions,
                MemberStanding written) throws SQLException {
            String key = ProgressTopics.key(member.tenantId(), member.memberId());
            Map<String, Integer> weeks = hardSets.getOrDefault(member, Map.of());
            Set<String> exerciseIds = new HashSet<>(before.exercises().keySet());
            sessions.forEach(s -> s.exercises().forEach(e -> exerciseIds.add(e.exerciseId())));
            exerciseIds.addAll(weeks.keySet());
            exerciseIds.removeAll(facts.keySet());
            if (!exerciseIds.isEmpty()) {
                facts.putAll(catalog.of(exerciseIds));
                calculator = new WeeklyFigures.Calculator(facts);
            }
            MemberStanding standing = before;
            for (LoggedSession session : sessions) {
                if (!insights) {
                    standing = standing.plus(session);
                    continue;
                }
                MemberStanding.Step step = standing.step(session, facts);
                for (RecordBeaten record : step.records()) {
                    learned.add(new Outbox.Message(key, ProgressMapper.recordAchieved(member.tenantId(),
                            member.memberId(), session, record, now)));
                }
                for (Recommendation deload : step.deloads()) {
                    learned.add(new Outbox.Message(key, ProgressMapper.deloadRecommended(member.tenantId(),
                            member.memberId(), session, deload, now)));
                }
                standing = step.standing();
            }
            progress.put(key, ProgressMapper.progress(member.tenantId(), member.memberId(), revision + 1, now, from,
                    to, calculator.pullPush(weeks), standing, facts));
            revisions.setString(1, member.tenantId());
            revisions.setString(2, member.memberId());
            revisions.setLong(3, revision + 1);
            revisions.addBatch();
            for (ExerciseHistory history : standing.exercises().values()) {
                if (history != written.exercises().get(history.exerciseId())) {
                    addHistory(histories, member, history);
                }
            }
        }

        void publish() throws SQLException {
            revisions.executeBatch();
            histories.executeBatch();
            outbox.replace(ProgressTopics.MEMBER_PROGRESS, progress, now);
            outbox.addAll(ProgressTopics.INSIGHTS, learned, now);
        }

        @Override
        public void close() throws SQLException {
            try (revisions) {
                histories.close();
            }
        }
    }

    /**
     * Replaces a member's standing by one computed from all their sessions, keeping the revision; nothing is
     * published.
     */
    public void rebuild(Connection connection, Member member, List<LoggedSession> sessions) throws SQLException {
        try (PreparedStatement keep = connection.prepareStatement(KEEP_REVISION);
             PreparedStatement forget = connection.prepareStatement(FORGET_HISTORIES);
             PreparedStatement write = connection.prepareStatement(WRITE_HISTORY)) {
            for (PreparedStatement statement : List.of(keep, forget)) {
                statement.setString(1, member.tenantId());
                statement.setString(2, member.memberId());
                statement.executeUpdate();
            }
            for (ExerciseHistory history : MemberStanding.rebuild(sessions).exercises().values()) {
                addHistory(write, member, history);
            }
            write.executeBatch();
        }
    }

    private void addHistory(PreparedStatement write, Member member, ExerciseHistory history) throws SQLException {
        write.setString(1, member.tenantId());
        write.setString(2, member.memberId());
        write.setString(3, history.exerciseId());
        write.setString(4, json(history));
        write.addBatch();
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
                    parse(rs.getString(3), HARD_SETS).forEach((id, sets) -> sum.merge(id, sets, Integer::sum));
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

    private String json(ExerciseHistory history) {
        try {
            return mapper.writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an exercise history", e);
        }
    }

    private <T> T parse(String json, TypeReference<T> type) throws SQLException {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable stored figure", e);
        }
    }
}
