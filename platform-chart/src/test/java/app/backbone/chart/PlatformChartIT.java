package app.backbone.chart;

import static app.backbone.chart.ServiceWorkloads.assertMigratedByAnInitTask;
import static app.backbone.chart.ServiceWorkloads.assertRunsAtScale;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The platform chart as the build assembled it, through real Helm: linted strictly, then rendered with a cluster's
 * values ({@code cluster-values.yaml}: three brokers over SASL_SSL, an identity provider's key set).
 */
class PlatformChartIT {

    private static final Path CHART = Path.of(System.getProperty("backbone.chart.directory", "target/helm/backbone"));

    private static final String BROKERS = "kafka-0.kafka:9093,kafka-1.kafka:9093,kafka-2.kafka:9093";

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @FieldSource("app.backbone.chart.ServiceWorkloads#SERVICES")
    void everyServiceRunsAtScale(String service) {
        assertRunsAtScale(render(Map.of()), service, service.equals("catalog-service") ? 3 : 2);
    }

    @ParameterizedTest
    @FieldSource("app.backbone.chart.ServiceWorkloads#DATABASE_SERVICES")
    void everyDatabaseIsMigratedByAnInitTaskWithTheServiceImage(String service) {
        Manifests manifests = render(Map.of());
        assertMigratedByAnInitTask(manifests, service);

        String image = manifests.get(Deployment.class, service).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getImage();
        assertThat(manifests.get(Job.class, service + "-flyway-init").getSpec().getTemplate().getSpec()
                .getContainers()).map(Container::getImage).containsExactly(image);
        assertThat(manifests.get(RoleBinding.class, service + "-view-jobs").getRoleRef().getName())
                .isEqualTo("view-jobs");
    }

    @Test
    void theImageComesFromTheValues() {
        assertThat(render(Map.of()).get(Deployment.class, "catalog-service").getSpec().getTemplate().getSpec()
                .getContainers()).map(Container::getImage)
                .containsExactly("registry.gym.example/backbone/catalog-service:1.0.0");
    }

    @Test
    void noResourceIsRenderedTwice() {
        Manifests manifests = render(Map.of());

        assertThat(manifests.all()).map(resource -> resource.getKind() + "/" + resource.getMetadata().getName())
                .doesNotHaveDuplicates();
        assertThat(manifests.all(Role.class)).map(resource -> resource.getMetadata().getName())
                .containsExactly("view-jobs");
    }

    @ParameterizedTest
    @FieldSource("app.backbone.chart.ServiceWorkloads#DATABASE_SERVICES")
    void theConnectionSettingsComeFromTheValues(String service) {
        Map<String, String> config = render(Map.of()).get(ConfigMap.class, service + "-config").getData();

        assertThat(config)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", BROKERS)
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("BACKBONE_KAFKA_TOPICS_REPLICATION_FACTOR", "3")
                .containsEntry("BACKBONE_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "https://id.gym.example/realms/backbone/protocol/openid-connect/certs")
                .containsEntry("MP_JWT_VERIFY_ISSUER", "https://id.gym.example/realms/backbone")
                .containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME");
        assertThat(config.keySet()).noneMatch(key -> key.contains("PASSWORD") || key.contains("JAAS"));
    }

    @Test
    void theSecretsHoldEverySecretValue() {
        Manifests manifests = render(Map.of());

        assertThat(secret(manifests, "catalog-service"))
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "catalog-db-secret")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"backbone\" password=\"kafka-secret\";");
        assertThat(secret(manifests, "logging-service"))
                .containsEntry("BACKBONE_LOGGING_ERASURE_SALT", "erasure-salt-secret")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                        + " required username=\"logging\" password=\"logging-kafka-secret\";");
        assertThat(secret(manifests, "webhook-service")).containsKey("BACKBONE_WEBHOOKS_SECRET_KEY");
        assertThat(secret(manifests, "trainer-dashboard"))
                .containsEntry("QUARKUS_OIDC_CREDENTIALS_SECRET", "dashboard-client-secret");
        assertThat(
                manifests.get(ConfigMap.class, "catalog-service-config").getData().get("QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://db.gym.example:5432/catalog");
    }

    @Test
    void secretsSuppliedByTheOperatorAreNotCreated() {
        Manifests manifests = render(Map.of("createSecrets", false));

        assertThat(manifests.all(Secret.class)).isEmpty();
        assertThat(manifests.all(ConfigMap.class)).hasSize(ServiceWorkloads.SERVICES.size());
    }

    private static Map<String, String> secret(Manifests manifests, String service) {
        return manifests.get(Secret.class, service + "-secrets").getStringData();
    }

    private static Manifests render(Map<String, Object> overrides) {
        var template = new Helm(CHART).template().withName("backbone").withValuesFile(clusterValues());
        overrides.forEach(template::set);
        return Manifests.parse(template.call());
    }

    private static Path clusterValues() {
        try {
            return Path.of(PlatformChartIT.class.getResource("/cluster-values.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
