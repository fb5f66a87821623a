package app.backbone.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    @Test
    void readsEveryDocumentIntoTheModel() {
        Manifests manifests = Manifests.parse("""
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: a
                spec:
                  replicas: 2
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                """);

        assertThat(manifests.all()).hasSize(2);
        assertThat(manifests.get(Deployment.class, "a").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void aFieldTheModelDoesNotKnowFails() {
        assertThatThrownBy(() -> Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: a
                spec:
                  replika: 2
                """)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("replika");
    }

    @Test
    void aKindThePlatformDoesNotDeployFails() {
        assertThatThrownBy(() -> Manifests.parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: a
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("ServiceMonitor");
    }
}
