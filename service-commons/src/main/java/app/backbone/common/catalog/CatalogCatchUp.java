package app.backbone.common.catalog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.common.messaging.KafkaAdmins;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Ready once the read model holds the global library and has consumed the catalog topic up to where it ended when
 * the topic was first found holding records (records past the group's committed offsets count when the read model
 * holds their version or a newer one). Until catalog-service has published its library, on a fresh start, the service
 * is not ready: it could not build a program or name an exercise.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
public class CatalogCatchUp implements HealthCheck {

    private static final String GLOBAL_LIBRARY =
            "SELECT EXISTS (SELECT 1 FROM catalog_exercise WHERE scope = 'GLOBAL')";
    private static final String VERSIONS = "SELECT id, version FROM catalog_exercise WHERE id = ANY (?)";

    private final ConsumerCatchUp catchUp;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final ManagedExecutor executor;
    private volatile boolean holdsLibrary;
    private volatile String libraryStatus = "not checked yet";

    public CatalogCatchUp(KafkaAdmins admins, CatalogReadModelConfig config, DataSource dataSource,
            ObjectMapper json, ManagedExecutor executor) {
        this.catchUp = new ConsumerCatchUp(admins.config(Duration.ofSeconds(5)), CatalogTopic.EXERCISES,
                config.groupId(), this::held);
        this.dataSource = dataSource;
        this.json = json;
        this.executor = executor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Catalog read model caught up")
                .status(holdsLibrary && catchUp.caughtUp())
                .withData("status", catchUp.status())
                .withData("globalLibrary", libraryStatus).build();
    }

    /** A first look as the service starts, not at the scheduler's first round: a restart is ready that much sooner. */
    void onStart(@Observes StartupEvent event) {
        executor.execute(this::check);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        catchUp.check();
        if (!holdsLibrary) {
            checkLibrary();
        }
    }

    /**
     * Whether the read model holds each record's version of its exercise or a newer one. A record without an
     * exercise id and version is not for the read model: the consumer sends it to the dead-letter topic.
     */
    private boolean held(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Long> versions = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                JsonNode state = record.value() == null ? null : json.readTree(record.value());
                if (state != null && state.path("exerciseId").isTextual()
                        && state.path("version").canConvertToLong()) {
                    versions.merge(state.get("exerciseId").asText(), state.get("version").asLong(), Math::max);
                }
            } catch (IOException e) {
                // Not JSON: a dead letter.
            }
        }
        if (versions.isEmpty()) {
            return true;
        }
        Map<String, Long> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(VERSIONS)) {
            query.setArray(1, connection.createArrayOf("text", versions.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return versions.entrySet().stream().allMatch(v -> stored.getOrDefault(v.getKey(), -1L) >= v.getValue());
    }

    private void checkLibrary() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(GLOBAL_LIBRARY)) {
            holdsLibrary = exists.next() && exists.getBoolean(1);
            libraryStatus = holdsLibrary ? "held" : "not received yet";
        } catch (SQLException e) {
            libraryStatus = "cannot tell yet: " + e.getMessage();
        }
    }

    @PreDestroy
    void close() {
        catchUp.close();
    }
}
