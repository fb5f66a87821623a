package app.backbone.program.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ProgressRestoreTest {

    private static final TopicPartition P0 = new TopicPartition(ProgressTopics.MEMBER_PROGRESS, 0);
    private static final TopicPartition P1 = new TopicPartition(ProgressTopics.MEMBER_PROGRESS, 1);

    @Test
    void aPartitionIsReadFromItsBeginningOnlyTheFirstTimeThisInstanceIsGivenIt() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.LATEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 40L, P1, 7L));
        ProgressRestore restore = new ProgressRestore();

        consumer.seek(P0, 40L);
        consumer.seek(P1, 7L);
        restore.onPartitionsAssigned(consumer, List.of(P0));
        assertEquals(0L, consumer.position(P0));
        assertEquals(7L, consumer.position(P1));

        consumer.seek(P0, 40L);
        restore.onPartitionsAssigned(consumer, List.of(P0, P1));
        assertEquals(40L, consumer.position(P0), "given again after a rebalance: carries on where it was");
        assertEquals(0L, consumer.position(P1));
    }
}
