package app.backbone.program.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Reads each partition of {@value ProgressTopics#MEMBER_PROGRESS} from its beginning the first time this instance
 * is given it, so that every start rebuilds the progress read model from the compacted topic: a lost or restored
 * database catches up on its own, and records already held change nothing (the newest revision wins).
 */
@ApplicationScoped
@Identifier(ProgressRestore.NAME)
public class ProgressRestore implements KafkaConsumerRebalanceListener {

    /** The name the channel's {@code consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "progress-restore";

    private final Set<TopicPartition> restored = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> first = partitions.stream().filter(restored::add).toList();
        if (!first.isEmpty()) {
            consumer.seekToBeginning(first);
        }
    }
}
