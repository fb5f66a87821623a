package app.backbone.common.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.common.messaging.KafkaAdmins;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;

/**
 * Ready once the read model holds the global library and has consumed the catalog topic up to where it ended when
 * the topic was first found holding records. Until catalog-service has published its library, on a fresh start, the
 * service is not ready: it could not build a program or name an exercise.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
public class CatalogCatchUp implements HealthCheck {

    private static final String GLOBAL_LIBRARY =
            "SELECT EXISTS (SELECT 1 FROM catalog_exercise WHERE scope = 'GLOBAL')";

    private final ConsumerCatchUp catchUp;
    private final DataSource dataSource;
    private volatile boolean holdsLibrary;
    private volatile String libraryStatus = "not checked yet";

    public CatalogCatchUp(KafkaAdmins admins, CatalogReadModelConfig config, DataSource dataSource) {
        this.catchUp = new ConsumerCatchUp(admins.config(Duration.ofSeconds(5)), CatalogTopic.EXERCISES,
                config.groupId());
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Catalog read model caught up")
                .status(holdsLibrary && catchUp.caughtUp())
                .withData("status", catchUp.status())
                .withData("globalLibrary", libraryStatus).build();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        catchUp.check();
        if (!holdsLibrary) {
            checkLibrary();
        }
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
