package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.common.outbox.StateRenderer;

/**
 * A state for {@link OutboxStatesTest}: a counter per key in table {@code test_counter}, rendered as
 * {@code {"value":n}} on {@value #TOPIC}; a key without a counter has no state.
 */
@ApplicationScoped
public class CounterStates implements StateRenderer {

    public static final String TOPIC = "test.outbox-states";

    private final DataSource dataSource;

    public CounterStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Map<String, String> render(Collection<String> keys) {
        Map<String, String> states = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT key, value FROM test_counter WHERE key = ANY (?)")) {
            read.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), "{\"value\":" + rs.getLong(2) + "}");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }
}
