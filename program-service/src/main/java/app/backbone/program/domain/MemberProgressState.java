package app.backbone.program.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's progress as logging-service last published it; written by the progress consumer, read here. */
@Entity
@Table(name = "member_progress")
public class MemberProgressState extends PanacheEntityBase {

    /** Tenant and member. */
    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "member_id") String memberId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public long revision;

    @Column(name = "computed_at")
    public Instant computedAt;

    /** The record as published, JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String state;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static Optional<MemberProgressState> of(String tenant, String member) {
        return findByIdOptional(new Key(tenant, member));
    }
}
