package app.backbone.logging.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import app.backbone.common.messaging.DeadLetters;
import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.service.SessionStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Ingests {@value SessionTopics#COMPLETED} and every chain's own session topic in batches, in partition order (so in
 * order per member). Records that fail validation, and records on a chain's topic that name another tenant, go to
 * {@value SessionTopics#REJECTED} with the reason in headers, and the batch goes on; the
 * batch's offsets are committed only after its sessions are stored and its rejects acknowledged. A database that
 * is briefly away only delays the batch ({@link SessionStore#store} retries); one that stays away stops the
 * channel with the batch unacknowledged.
 */
@ApplicationScoped
public class SessionConsumer {

    private final SessionValidator validator;
    private final SessionStore store;
    private final LoggingConfig config;
    private final MutinyEmitter<String> rejected;

    public SessionConsumer(SessionValidator validator, SessionStore store, LoggingConfig config,
            @Channel(SessionTopics.REJECTED) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> rejected) {
        this.validator = validator;
        this.store = store;
        this.config = config;
        this.rejected = rejected;
    }

    @Incoming(SessionTopics.COMPLETED)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<SessionCompleted> accepted = new ArrayList<>();
        List<Uni<Void>> rejections = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            SessionValidator.Result result = validator.read(record.getPayload());
            Optional<String> topicTenant = SessionTopics.tenantOf(record.getTopic());
            if (!result.accepted()) {
                rejections.add(reject(record, result.reason()));
            } else if (topicTenant.isPresent() && !topicTenant.get().equals(result.event().tenantId())) {
                rejections.add(reject(record, "tenantId: '" + result.event().tenantId() + "' is not the tenant of "
                        + record.getTopic() + ", which only carries sessions of '" + topicTenant.get() + "'"));
            } else {
                accepted.add(result.event());
            }
        }
        if (!rejections.isEmpty()) {
            Uni.join().all(rejections).andFailFast().await().atMost(config.rejectAckTimeout());
        }
        store.store(accepted);
        return batch.ack();
    }

    private Uni<Void> reject(KafkaRecord<String, String> record, String reason) {
        return rejected.sendMessage(DeadLetters.of(record, reason));
    }
}
