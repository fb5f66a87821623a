package app.backbone.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every service's workload must be, in its own manifests and in the platform chart's rendering: replicated,
 * probed on SmallRye Health, bounded in CPU and memory, hardened, kept available through voluntary disruptions, and
 * configured from its ConfigMap and Secret only; for a service with a database, migrated by a Job it waits for.
 */
final class ServiceWorkloads {

    static final List<String> SERVICES =
            List.of("catalog-service", "program-service", "logging-service", "webhook-service", "trainer-dashboard");

    static final List<String> DATABASE_SERVICES =
            List.of("catalog-service", "program-service", "logging-service", "webhook-service");

    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "SECRET", "SALT", "JAAS", "KEY", "TOKEN");

    private ServiceWorkloads() {
    }

    static void assertRunsAtScale(Manifests manifests, String service, int replicas) {
        Deployment deployment = manifests.get(Deployment.class, service);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(replicas).isGreaterThanOrEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(pod.getContainers(), service);

        assertThat(path(container.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(path(container.getReadinessProbe())).isEqualTo("/q/health/ready");
        assertThat(path(container.getStartupProbe())).isEqualTo("/q/health/started");
        assertBounded(container.getResources());

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertHardened(container.getSecurityContext());
        assertTmpIsAnEmptyDirectory(pod, container);

        assertConfiguredFrom(container, service);

        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, service);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    static void assertMigratedByAnInitTask(Manifests manifests, String service) {
        String jobName = service + "-flyway-init";
        Job job = manifests.get(Job.class, jobName);
        Container migration = container(job.getSpec().getTemplate().getSpec().getContainers(), jobName);
        assertThat(env(migration)).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                .containsEntry("QUARKUS_FLYWAY_ACTIVE", "true");
        assertConfiguredFrom(migration, service);

        PodSpec pod = manifests.get(Deployment.class, service).getSpec().getTemplate().getSpec();
        assertThat(env(container(pod.getContainers(), service))).containsEntry("QUARKUS_FLYWAY_ACTIVE", "false");
        Container waiter = container(pod.getInitContainers(), "wait-for-flyway");
        assertThat(waiter.getArgs()).containsExactly("job", jobName);
        assertThat(waiter.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertHardened(waiter.getSecurityContext());
        assertBounded(waiter.getResources());
    }

    private static void assertHardened(SecurityContext context) {
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getReadOnlyRootFilesystem()).isTrue();
        assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    }

    private static void assertBounded(ResourceRequirements resources) {
        for (Map<String, Quantity> bounds : List.of(resources.getRequests(), resources.getLimits())) {
            assertThat(bounds).containsOnlyKeys("cpu", "memory");
        }
        assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                .isLessThanOrEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
    }

    private static void assertTmpIsAnEmptyDirectory(PodSpec pod, Container container) {
        String volume = container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("/tmp is not mounted")).getName();
        assertThat(pod.getVolumes()).filteredOn(candidate -> candidate.getName().equals(volume))
                .singleElement().extracting(Volume::getEmptyDir).isNotNull();
    }

    private static void assertConfiguredFrom(Container container, String service) {
        assertThat(container.getEnvFrom()).extracting(
                        source -> source.getConfigMapRef() == null ? null : source.getConfigMapRef().getName(),
                        source -> source.getSecretRef() == null ? null : source.getSecretRef().getName())
                .containsExactlyInAnyOrder(
                        tuple(service + "-config", null),
                        tuple(null, service + "-secrets"));
        assertThat(container.getEnvFrom()).map(EnvFromSource::getPrefix).containsOnlyNulls();
        assertThat(container.getEnv()).map(EnvVar::getName).noneMatch(
                name -> SECRET_WORDS.stream().anyMatch(name::contains));
    }

    private static Container container(List<Container> containers, String name) {
        return containers.stream().filter(container -> container.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static String path(Probe probe) {
        return Objects.requireNonNull(probe, "probe").getHttpGet().getPath();
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
