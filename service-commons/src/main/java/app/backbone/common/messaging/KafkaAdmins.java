package app.backbone.common.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * Builds Kafka {@link Admin} clients from the service's whole Kafka configuration (every {@code kafka.*}
 * property, as Quarkus gathers them for the channels), so that TLS and SASL settings apply to topic creation and
 * catch-up checks as they do to consumers and producers.
 */
@ApplicationScoped
public class KafkaAdmins {

    private final Map<String, Object> kafkaConfig;

    public KafkaAdmins(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** The configuration an admin client gets, with both its request and API timeouts set to {@code timeout}. */
    public Map<String, Object> config(Duration timeout) {
        return withTimeout(kafkaConfig, timeout);
    }

    /** A new admin client; the caller closes it. */
    public Admin create(Duration timeout) {
        return Admin.create(config(timeout));
    }

    static Map<String, Object> withTimeout(Map<String, Object> kafkaConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }
}
