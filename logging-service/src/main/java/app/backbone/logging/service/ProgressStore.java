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

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.common.outbox.Outbox;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.MemberStanding;
import app.backbone.logging.domain.figures.Recommendation;
import app.backbone.logging.domain.figures.RecordBeaten;
import app.backbone.logging.messaging.ProgressMapper;
import app.backbone.logging.messaging.ProgressTopics;

/**
 * Keeps each member's standing and publishes what newly stored sessions changed, in the ingest transaction and
 * connection, under the member locks the ingest took ({@link FigureStore#lockMembers}): each member with new
 * sessions gets a new progress revision and is marked changed on the compacted
 * {@value ProgressTopics#MEMBER_PROGRESS} ({@link Outbox#changed}; {@link ProgressRenderer} renders the progress when
 * the relay sends it), and live sessions put the records they set and the recommendations they turned to
 * {@code DELOAD} on {@value ProgressTopics#INSIGHTS}. A standing is stored
 * per exercise ({@code exercise_standing}, {@link StandingRows}); a batch reads and rewrites only the exercises its
 * sessions touched. A member without a progress revision yet (new, or stored before it existed) gets their standing
 * computed from their stored sessions first.
 */
@ApplicationScoped
public class ProgressStore {

    /**
     * A member's first revision is the time in milliseconds, each later one the one before + 1: so a member who
     * comes back after an erasure (which deletes their revision) still gets revisions above every earlier one.
     */
    private static final String NEXT_REVISIONS = "INSERT INTO member_progress (tenant_id, member_id, revision) "
            + "SELECT t, m, ? FROM unnest(?::text[], ?::text[]) AS u(t, m) ORDER BY t, m "
            + "ON CONFLICT (tenant_id, member_id) DO UPDATE SET revision = member_progress.revision + 1 "
            + "RETURNING tenant_id, member_id, xmax = 0";
    private static final String FORGET_HISTORIES = "DELETE FROM exercise_standing "
            + "WHERE tenant_id = ? AND member_id = ?";
    private static final String FORGET_REVISION = "DELETE FROM member_progress WHERE tenant_id = ? AND member_id = ?";

    private final StandingRows rows;
    private final StoredSessions stored;
    private final CatalogFacts catalog;
    private final Outbox outbox;

    public ProgressStore(StandingRows rows, StoredSessions stored, CatalogFacts catalog, Outbox outbox) {
        this.rows = rows;
        this.stored = stored;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /**
     * Folds the sessions, in list order, into their members' standings and marks each member's progress changed.
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
        Set<Member> first = firstRevisions(connection, byMember.keySet(), now);
        Map<Member, MemberStanding> before = new HashMap<>(histories(connection, byMember, first));
        if (!first.isEmpty()) {
            stored.ofMembers(connection, first, sessions).forEach((member, earlier) -> before.put(member,
                    MemberStanding.rebuild(earlier)));
        }
        Set<String> exerciseIds = new HashSet<>();
        sessions.forEach(s -> s.session().exercises().forEach(e -> exerciseIds.add(e.exerciseId())));
        Map<String, ExerciseFacts> facts = new HashMap<>(catalog.of(exerciseIds));

        List<Outbox.Message> learned = new ArrayList<>();
        Map<Member, List<ExerciseHistory>> changed = new LinkedHashMap<>();
        for (Map.Entry<Member, List<LoggedSession>> entry : byMember.entrySet()) {
            Member member = entry.getKey();
            MemberStanding read = first.contains(member) ? MemberStanding.empty()
                    : before.getOrDefault(member, MemberStanding.empty());
            MemberStanding standing = before.getOrDefault(member, MemberStanding.empty());
            String key = ProgressTopics.key(member.tenantId(), member.memberId());
            for (LoggedSession session : entry.getValue()) {
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
            for (ExerciseHistory history : standing.exercises().values()) {
                if (history != read.exercises().get(history.exerciseId())) {
                    changed.computeIfAbsent(member, k -> new ArrayList<>()).add(history);
                }
            }
        }
        Set<String> unknown = new HashSet<>();
        changed.values().forEach(histories -> histories.forEach(h -> unknown.add(h.exerciseId())));
        unknown.removeAll(facts.keySet());
        if (!unknown.isEmpty()) {
            facts.putAll(catalog.of(unknown));
        }
        List<StandingRows.Row> written = new ArrayList<>();
        changed.forEach((member, histories) -> histories.forEach(history -> written.add(new StandingRows.Row(member,
                history, facts))));
        rows.write(connection, written);
        outbox.changed(ProgressTopics.MEMBER_PROGRESS, byMember.keySet().stream()
                .map(m -> ProgressTopics.key(m.tenantId(), m.memberId())).toList(), now);
        outbox.addAll(ProgressTopics.INSIGHTS, learned, now);
    }

    /**
     * Replaces a member's standing by one computed from all their sessions and marks their progress changed, under
     * a new revision.
     */
    public void rebuild(Connection connection, Member member, List<LoggedSession> sessions, Instant now)
            throws SQLException {
        firstRevisions(connection, List.of(member), now);
        delete(connection, FORGET_HISTORIES, member);
        MemberStanding standing = MemberStanding.rebuild(sessions);
        Map<String, ExerciseFacts> facts = catalog.of(standing.exercises().keySet());
        rows.write(connection, standing.exercises().values().stream()
                .map(history -> new StandingRows.Row(member, history, facts)).toList());
        outbox.changed(ProgressTopics.MEMBER_PROGRESS, List.of(ProgressTopics.key(member.tenantId(),
                member.memberId())), now);
    }

    /**
     * Forgets the standing and progress of a member left without sessions; one who had progress is marked changed,
     * which renders as nothing: the relay sends a tombstone.
     */
    public void forget(Connection connection, Member member, Instant now) throws SQLException {
        delete(connection, FORGET_HISTORIES, member);
        if (delete(connection, FORGET_REVISION, member) > 0) {
            outbox.changed(ProgressTopics.MEMBER_PROGRESS, List.of(ProgressTopics.key(member.tenantId(),
                    member.memberId())), now);
        }
    }

    private static int delete(Connection connection, String sql, Member member) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, member.tenantId());
            delete.setString(2, member.memberId());
            return delete.executeUpdate();
        }
    }

    /** Moves each member's progress to its next revision; answers the members that had none. */
    private static Set<Member> firstRevisions(Connection connection, Collection<Member> members, Instant now)
            throws SQLException {
        Set<Member> first = new HashSet<>();
        try (PreparedStatement next = connection.prepareStatement(NEXT_REVISIONS)) {
            next.setLong(1, now.toEpochMilli());
            next.setArray(2, connection.createArrayOf("text", members.stream().map(Member::tenantId).toArray()));
            next.setArray(3, connection.createArrayOf("text", members.stream().map(Member::memberId).toArray()));
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(3)) {
                        first.add(new Member(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return first;
    }

    /** The stored histories of the exercises each member's sessions touch, members in {@code skip} left out. */
    private Map<Member, MemberStanding> histories(Connection connection, Map<Member, List<LoggedSession>> byMember,
            Set<Member> skip) throws SQLException {
        Map<Member, Set<String>> touched = new HashMap<>();
        byMember.forEach((member, sessions) -> {
            if (!skip.contains(member)) {
                Set<String> ids = touched.computeIfAbsent(member, k -> new HashSet<>());
                sessions.forEach(s -> s.exercises().forEach(e -> ids.add(e.exerciseId())));
            }
        });
        return rows.of(connection, touched);
    }
}
