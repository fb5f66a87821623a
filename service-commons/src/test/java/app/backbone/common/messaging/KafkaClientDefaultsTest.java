package app.backbone.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClientDefaultsTest {

    private final KafkaClientDefaults defaults = new KafkaClientDefaults();

    @Test
    void aConsumerReadsCommittedRebalancesCooperativelyAndCreatesNoTopic() {
        Map<String, Object> consumer = defaults.customize("events", null, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.GROUP_ID_CONFIG, "a-service"));

        assertEquals("read_committed", consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        assertEquals(CooperativeStickyAssignor.class.getName(),
                consumer.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertEquals(false, consumer.get(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG));
        assertEquals("a-service", consumer.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    @Test
    void whatAChannelSetsStays() {
        Map<String, Object> consumer = defaults.customize("events", null, Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));

        assertEquals("read_uncommitted", consumer.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
    }

    @Test
    void aProducerIsLeftAsItIs() {
        Map<String, Object> producer = Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(), ProducerConfig.ACKS_CONFIG, "all");

        assertEquals(producer, defaults.customize("events.dlq", null, producer));
    }
}
