package app.backbone.common.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.eclipse.microprofile.config.Config;

import io.smallrye.reactive.messaging.ClientCustomizer;

/**
 * What every consumer of a channel gets unless its channel says otherwise: it reads only committed records, so an
 * aborted transaction's writes never reach it; it rebalances cooperatively, so a replica joining or leaving moves
 * only the partitions that change hands while the others keep flowing; and it never makes the broker create a topic
 * by subscribing to it, which would give the topic the broker's defaults instead of the ones {@link Topics} sets.
 */
@ApplicationScoped
public class KafkaClientDefaults implements ClientCustomizer<Map<String, Object>> {

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)) {
            return config;
        }
        Map<String, Object> consumer = new HashMap<>(config);
        consumer.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        consumer.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return consumer;
    }
}
