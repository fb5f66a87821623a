package app.backbone.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** A tenant's endpoint and the event types it is sent; its signing secret is kept encrypted. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events;

    public String description;

    /** The signing secret, AES-GCM encrypted with the deployment's key. */
    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The tenant's subscription of that id, if any. */
    public static Optional<WebhookSubscription> findForTenant(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    /** One page of the tenant's subscriptions, oldest first. */
    public static List<WebhookSubscription> pageForTenant(String tenantId, int page, int size) {
        return find("tenantId", Sort.by("createdAt").and("id"), tenantId).page(Page.of(page, size)).list();
    }

    public static long countForTenant(String tenantId) {
        return count("tenantId", tenantId);
    }
}
