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
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Sends outbox batches with one transactional Kafka producer, each batch in one Kafka transaction that is committed
 * only once the broker has acknowledged every record of it, so that {@link OutboxRelay} deletes nothing the broker
 * does not hold and a batch abandoned half-way never becomes visible to consumers that read committed records.
 * Creating it fences every earlier producer with the same transactional id and aborts its open transaction.
 */
final class OutboxPublisher implements AutoCloseable {

    private final Producer<String, String> producer;
    private final Duration ackTimeout;

    /**
     * @param producer a producer configured with a transactional id, not yet initialised; closed here if its
     *                 initialisation fails
     */
    OutboxPublisher(Producer<String, String> producer, Duration ackTimeout) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Sends the events in list order, each to its topic with its key (a null payload as a tombstone), in one
     * transaction, and commits it once every record is acknowledged, all within the ack timeout (a send blocks
     * while the producer waits for metadata, the commit while it waits for the coordinator).
     *
     * @throws ExecutionException if the broker refused one of them
     * @throws TimeoutException   if they were not all acknowledged within the ack timeout
     */
    void publish(List<OutboxEvent.Taken> events) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        producer.beginTransaction();
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
        producer.commitTransaction();
    }

    /** Whether a failure says that a newer producer with the same transactional id has fenced this one. */
    static boolean fenced(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the producer at once, abandoning what it has not sent; its open transaction is aborted by the next
     * publisher's initialisation, or by the broker once the transaction times out.
     */
    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
