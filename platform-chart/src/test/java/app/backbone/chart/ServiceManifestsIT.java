package app.backbone.chart;

import static app.backbone.chart.ServiceWorkloads.assertMigratedByAnInitTask;
import static app.backbone.chart.ServiceWorkloads.assertRunsAtScale;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's manifests as its build wrote them, {@code target/kubernetes/kubernetes.yml}. */
class ServiceManifestsIT {

    private static final Path SERVICES = Path.of(System.getProperty("backbone.services.directory", ".."));

    @ParameterizedTest
    @FieldSource("app.backbone.chart.ServiceWorkloads#SERVICES")
    void runsAtScale(String service) {
        assertRunsAtScale(manifests(service), service, 2);
    }

    @ParameterizedTest
    @FieldSource("app.backbone.chart.ServiceWorkloads#DATABASE_SERVICES")
    void migratesByAnInitTask(String service) {
        assertMigratedByAnInitTask(manifests(service), service);
    }

    @Test
    void theDashboardHasNoDatabaseToMigrate() {
        assertThat(manifests("trainer-dashboard").all(Job.class)).isEmpty();
    }

    private static Manifests manifests(String service) {
        return Manifests.read(SERVICES.resolve(service).resolve("target/kubernetes/kubernetes.yml"));
    }
}
