package app.backbone.logging.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's erasure: {@code PENDING} until every service that holds member data has confirmed, then {@code DONE}
 * with {@code completedAt}; each service {@code PENDING} or {@code CONFIRMED} with {@code confirmedAt}.
 */
public record ErasureResponse(UUID erasureId, Status status, Instant requestedAt, Instant completedAt,
        List<ServiceResponse> services) {

    /** The erasure's state. */
    public enum Status {
        PENDING, DONE
    }

    /** A service's state. */
    public enum ServiceState {
        PENDING, CONFIRMED
    }

    /** One service's part of the erasure. */
    public record ServiceResponse(String service, ServiceState state, Instant confirmedAt) {
    }
}
