package app.backbone.logging.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import app.backbone.logging.messaging.SessionCompleted;

/**
 * Writes every stored session of a member, oldest first, read from the database with a cursor and written as it is
 * read, so an export of any length takes little memory: as CSV, one row per set in the columns of
 * {@link #CSV_COLUMNS} (what {@code source=BACKBONE} imports), or as NDJSON, one completed-session document a line.
 */
@ApplicationScoped
public class ExportService {

    /** The CSV export's columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("session_id", "completed_at", "program_id",
            "exercise_index", "exercise_id", "prescribed_sets", "prescribed_reps_min", "prescribed_reps_max",
            "set_index", "reps", "load_kg", "rir", "to_failure", "seconds", "warmup");

    private static final String SESSIONS = "SELECT session_id, completed_at, program_id, exercises::text, event_id, "
            + "received_at FROM training_session WHERE tenant_id = ? AND member_id = ? ORDER BY completed_at, id";
    private static final String ANY_SESSION = "SELECT 1 FROM training_session WHERE tenant_id = ? AND member_id = ? "
            + "LIMIT 1";
    private static final int FETCH_SIZE = 200;
    private static final TypeReference<List<SessionCompleted.ExerciseDone>> EXERCISES = new TypeReference<>() { };

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ExportService(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Whether the member has a stored session: a member without one is unknown here. */
    public boolean known(String tenant, String member) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement any = connection.prepareStatement(ANY_SESSION)) {
            any.setString(1, tenant);
            any.setString(2, member);
            try (ResultSet rs = any.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for the member's sessions", e);
        }
    }

    /** Writes the member's sessions as CSV. */
    public void csv(String tenant, String member, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get().print(writer)) {
            each(tenant, member, session -> {
                int exerciseIndex = 0;
                for (SessionCompleted.ExerciseDone exercise : session.exercises()) {
                    exerciseIndex++;
                    SessionCompleted.Prescribed p = exercise.prescription();
                    int setIndex = 0;
                    for (SessionCompleted.SetDone set : exercise.sets()) {
                        setIndex++;
                        csv.printRecord(session.sessionId(), session.completedAt(), session.programId(), exerciseIndex,
                                exercise.exerciseId(), p == null ? null : p.sets(), p == null ? null : p.repsMin(),
                                p == null ? null : p.repsMax(), setIndex, set.reps(),
                                set.loadKg() == null ? null : set.loadKg().toPlainString(), set.rir(), set.toFailure(),
                                set.seconds(), set.warmup());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write an export", e);
        }
    }

    /** Writes the member's sessions as completed-session documents, one a line. */
    public void ndjson(String tenant, String member, OutputStream out) {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(null);
            each(tenant, member, session -> {
                mapper.writeValue(json, session);
                json.writeRaw('\n');
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write an export", e);
        }
    }

    private interface SessionWriter {
        void write(SessionCompleted session) throws IOException;
    }

    private void each(String tenant, String member, SessionWriter writer) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement sessions = connection.prepareStatement(SESSIONS)) {
                sessions.setFetchSize(FETCH_SIZE);
                sessions.setString(1, tenant);
                sessions.setString(2, member);
                try (ResultSet rs = sessions.executeQuery()) {
                    while (rs.next()) {
                        writer.write(new SessionCompleted(rs.getObject(5, UUID.class), 1,
                                rs.getTimestamp(6).toInstant(), tenant, member, rs.getString(1),
                                rs.getObject(3, UUID.class), rs.getTimestamp(2).toInstant(),
                                mapper.readValue(rs.getString(4), EXERCISES)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sessions to export", e);
        }
    }
}
