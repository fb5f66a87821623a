package app.backbone.common.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;


import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the local catalog equal to the latest state per exercise that {@value CatalogTopic#EXERCISES} carried:
 * each record is applied with one conditional upsert, in which a newer version replaces the stored one and an older
 * or equal one changes nothing, so redelivered, repeated and reordered records are harmless. A database failure is
 * retried until it succeeds (the record is not acknowledged meanwhile); what the record changed is announced with
 * {@link CatalogChanged} once committed.
 */
@ApplicationScoped
@IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
public class CatalogReadModel {

    private static final String UPSERT = """
            INSERT INTO catalog_exercise AS stored (id, scope, tenant_id, version, retired, name, category,
                movement_pattern, primary_muscles, secondary_muscles, equipment, laterality, measure, loadable,
                contraindications, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, tenant_id = excluded.tenant_id,
                version = excluded.version, retired = excluded.retired, name = excluded.name,
                category = excluded.category, movement_pattern = excluded.movement_pattern,
                primary_muscles = excluded.primary_muscles, secondary_muscles = excluded.secondary_muscles,
                equipment = excluded.equipment, laterality = excluded.laterality, measure = excluded.measure,
                loadable = excluded.loadable, contraindications = excluded.contraindications,
                updated_at = excluded.updated_at
            WHERE stored.version < excluded.version""";

    private final DataSource dataSource;
    private final Event<CatalogChanged> changed;
    private final Clock clock;

    public CatalogReadModel(DataSource dataSource, Event<CatalogChanged> changed, Clock clock) {
        this.dataSource = dataSource;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Stores the state unless the read model holds this version or a newer one.
     *
     * @return whether the record changed the read model
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public boolean apply(ExerciseState state) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> upsert(state));
        if (applied) {
            changed.fire(new CatalogChanged(state.exerciseId()));
        }
        return applied;
    }

    private boolean upsert(ExerciseState state) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, state.exerciseId());
            upsert.setString(2, state.scope());
            upsert.setString(3, state.tenantId());
            upsert.setLong(4, state.version());
            upsert.setBoolean(5, state.retired());
            upsert.setString(6, state.name());
            upsert.setString(7, state.category());
            upsert.setString(8, state.movementPattern());
            upsert.setArray(9, texts(connection, state.primaryMuscles()));
            upsert.setArray(10, texts(connection, state.secondaryMuscles()));
            upsert.setArray(11, texts(connection, state.equipment()));
            upsert.setString(12, state.laterality());
            upsert.setString(13, state.measure());
            upsert.setBoolean(14, state.loadable());
            upsert.setArray(15, texts(connection, state.contraindications()));
            upsert.setTimestamp(16, Timestamp.from(state.occurredAt() == null ? clock.instant()
                    : state.occurredAt()));
            return upsert.executeUpdate() == 1;
        }
    }

    private static java.sql.Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
