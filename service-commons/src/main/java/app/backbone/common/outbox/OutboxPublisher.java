package app.backbone.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends outbox events with one Kafka producer and returns only once the broker has acknowledged every one of
 * them, so that {@link OutboxRelay} deletes nothing the broker does not hold.
 */
final class OutboxPublisher implements AutoCloseable {

    private final Producer<String, String> producer;
    private final Duration ackTimeout;

    OutboxPublisher(Producer<String, String> producer, Duration ackTimeout) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends the events in list order, each to its topic with its key (a null payload as a tombstone), and waits
     * for all acknowledgements, the sends included (one blocks while the producer waits for metadata) within the ack
     * timeout.
     *
     * @throws ExecutionException if the broker refused one of them
     * @throws TimeoutException   if they were not all acknowledged within the ack timeout
     */
    void publish(List<OutboxEvent.Taken> events) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (OutboxEvent.Taken event : events) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Sending the batch took longer than " + ackTimeout);
            }
            acks.add(producer.send(new ProducerRecord<>(event.topic(), event.key(), event.payload())));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the producer at once, abandoning what it has not sent. */
    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
