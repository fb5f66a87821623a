package app.backbone.common.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutboxPublisherTest {

    private static final List<OutboxEvent.Taken> BATCH = List.of(
            new OutboxEvent.Taken(1, "catalog.exercises", "bench-press", "{\"version\":2}", "1"),
            new OutboxEvent.Taken(2, "program.sessions", "member-7", "{\"sets\":5}", "1"),
            new OutboxEvent.Taken(3, "catalog.exercises", "squat", null, "1"));

    @Test
    void sendsEveryEventInOrderWithItsTopicAndKeyANullPayloadAsATombstone() throws Exception {
        MockProducer<String, String> producer = producer(true);
        new OutboxPublisher(producer, Duration.ofSeconds(5)).publish(BATCH);

        assertTrue(producer.transactionCommitted());
        List<ProducerRecord<String, String>> sent = producer.history();
        assertEquals(BATCH.size(), sent.size());
        for (int i = 0; i < BATCH.size(); i++) {
            assertEquals(BATCH.get(i).topic(), sent.get(i).topic());
            assertEquals(BATCH.get(i).key(), sent.get(i).key());
            assertEquals(BATCH.get(i).payload(), sent.get(i).value());
        }
    }

    @Test
    void returnsOnlyOnceTheBrokerHasAcknowledgedEveryEvent() {
        MockProducer<String, String> producer = producer(false);
        CompletableFuture<Void> published = publishInBackground(producer, Duration.ofSeconds(30));
        await().until(() -> producer.uncommittedRecords().size() == BATCH.size());

        producer.completeNext();
        producer.completeNext();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !published.isDone());
        assertFalse(producer.transactionCommitted());
        producer.completeNext();
        await().until(published::isDone);
        assertFalse(published.isCompletedExceptionally());
        assertTrue(producer.transactionCommitted());
        assertEquals(BATCH.size(), producer.history().size());
    }

    @Test
    void oneRefusedEventFailsTheWholeBatch() {
        MockProducer<String, String> producer = producer(false);
        CompletableFuture<Void> published = publishInBackground(producer, Duration.ofSeconds(30));
        await().until(() -> producer.uncommittedRecords().size() == BATCH.size());

        NotEnoughReplicasException refusal = new NotEnoughReplicasException("only one in-sync replica");
        producer.completeNext();
        producer.errorNext(refusal);
        producer.completeNext();

        CompletionException failure = assertThrows(CompletionException.class, published::join);
        ExecutionException cause = assertInstanceOf(ExecutionException.class, failure.getCause());
        assertSame(refusal, cause.getCause());
        assertFalse(producer.transactionCommitted());
        assertEquals(List.of(), producer.history());
    }

    @Test
    void anAcknowledgementLaterThanTheAckTimeoutFailsTheBatch() {
        MockProducer<String, String> producer = producer(false);
        OutboxPublisher publisher = new OutboxPublisher(producer, Duration.ofMillis(200));
        assertThrows(TimeoutException.class, () -> publisher.publish(BATCH));
        assertEquals(BATCH.size(), producer.uncommittedRecords().size());
        assertFalse(producer.transactionCommitted());
    }

    @Test
    void sendsThatBlockPastTheAckTimeoutFailTheBatchWithoutSendingTheRest() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                // as a producer waiting for the metadata of a topic whose brokers are away
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                return super.send(record, callback);
            }
        };
        OutboxPublisher publisher = new OutboxPublisher(producer, Duration.ofMillis(200));
        assertThrows(TimeoutException.class, () -> publisher.publish(BATCH));
        assertEquals(1, producer.uncommittedRecords().size());
        assertFalse(producer.transactionCommitted());
    }

    @Test
    void aSendRefusedAtOnceFailsTheBatch() {
        MockProducer<String, String> producer = producer(true);
        producer.sendException = new IllegalStateException("producer closed");
        OutboxPublisher publisher = new OutboxPublisher(producer, Duration.ofSeconds(5));
        assertThrows(IllegalStateException.class, () -> publisher.publish(BATCH));
    }

    @Test
    void aProducerThatCannotInitialiseItsTransactionsIsClosed() {
        MockProducer<String, String> producer = producer(true);
        producer.initTransactionException = new org.apache.kafka.common.errors.TimeoutException("no coordinator");
        assertThrows(org.apache.kafka.common.errors.TimeoutException.class,
                () -> new OutboxPublisher(producer, Duration.ofSeconds(5)));
        assertTrue(producer.closed());
    }

    @Test
    void aFencedProducerFailsTheBatchAndSaysSo() {
        MockProducer<String, String> producer = producer(true);
        OutboxPublisher publisher = new OutboxPublisher(producer, Duration.ofSeconds(5));
        producer.fenceProducer();
        Exception failure = assertThrows(Exception.class, () -> publisher.publish(BATCH));
        assertTrue(OutboxPublisher.fenced(failure), failure.toString());
        assertEquals(List.of(), producer.history());
    }

    @Test
    void otherFailuresAreNotFencing() {
        assertFalse(OutboxPublisher.fenced(new ExecutionException(new NotEnoughReplicasException("one replica"))));
        assertFalse(OutboxPublisher.fenced(new TimeoutException("late")));
    }

    @Test
    void closingClosesTheProducer() {
        MockProducer<String, String> producer = producer(true);
        new OutboxPublisher(producer, Duration.ofSeconds(5)).close();
        assertTrue(producer.closed());
    }

    private static CompletableFuture<Void> publishInBackground(MockProducer<String, String> producer,
            Duration ackTimeout) {
        OutboxPublisher publisher = new OutboxPublisher(producer, ackTimeout);
        return CompletableFuture.runAsync(() -> {
            try {
                publisher.publish(BATCH);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static MockProducer<String, String> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new StringSerializer());
    }
}
