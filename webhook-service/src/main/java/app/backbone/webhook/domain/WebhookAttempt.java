package app.backbone.webhook.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One attempt to send a delivery: when, the status code (none when no answer came), how long, what came back. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms")
    public long durationMs;

    /** Why no usable answer came (time-out, refused address, connection error). */
    public String error;

    @Column(name = "response_excerpt")
    public String responseExcerpt;

    /** The attempts of these deliveries, oldest first. */
    public static List<WebhookAttempt> ofDeliveries(Collection<UUID> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of()
                : list("deliveryId in ?1", Sort.by("attemptedAt").and("id"), deliveryIds);
    }
}
