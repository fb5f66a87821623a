package app.backbone.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaAdminsTest {

    private static final Map<String, Object> KAFKA = Map.of(
            "bootstrap.servers", "kafka-1:9093,kafka-2:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/backbone/truststore.p12");

    @Test
    void theAdminConfigKeepsEveryKafkaSettingAndSetsBothTimeouts() {
        Map<String, Object> expected = new HashMap<>(KAFKA);
        expected.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        expected.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);

        assertEquals(expected, new KafkaAdmins(KAFKA).config(Duration.ofSeconds(5)));
    }

    @Test
    void theTimeoutsReplaceTheServicesOwnAndLeaveItsConfigurationAsItWas() {
        Map<String, Object> kafka = new HashMap<>(KAFKA);
        kafka.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        Map<String, Object> before = Map.copyOf(kafka);

        Map<String, Object> config = new KafkaAdmins(kafka).config(Duration.ofMillis(1_500));

        assertEquals(1_500, config.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertEquals(1_500, config.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
        assertEquals(before, kafka);
    }
}
